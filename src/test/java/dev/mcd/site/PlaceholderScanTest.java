package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The output scan reads bytes as Latin-1 to skip UTF-8 decoding: it must find exactly the hosts
 * that a scan of the decoded text finds, also beside and inside multi-byte characters.
 */
class PlaceholderScanTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            <a href="https://example.org/">∑ é</a>           | example.org
            ∂f/∂X <code>github.com/example/repo</code>      | github.com/example/
            é𝔼example.com𝔼é                                | example.com
            exampleˑorg, example․org, ｅxample.org         | ''
            ∑ₖ xₖ² and nothing else                         | ''
            """)
    void findsWhatADecodedScanFinds(String text, String host) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(SiteConfig.placeholderIn(text), Placeholders.scan(bytes));
        assertEquals(host, Placeholders.scan(bytes).orElse(""));
    }
}
