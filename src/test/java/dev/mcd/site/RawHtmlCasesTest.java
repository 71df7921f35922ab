package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.site.render.RawHtml;
import dev.mcd.testkit.CaseFile;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The raw-HTML policy as data ({@code security/raw-html.txt}): what is published as written, what is refused and why. */
class RawHtmlCasesTest {
    static Stream<Arguments> cases() {
        return CaseFile.read("security/raw-html.txt").stream()
                .map(c -> c.fields("|", 2, 3)) // allow | html, or refuse | html | start of the message
                .map(p -> Arguments.of(p.get(0), p.get(1), p.size() > 2 ? p.get(2) : ""));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void policy(String verdict, String html, String message) {
        var refusal = RawHtml.check(html);
        if (verdict.equals("allow")) {
            assertTrue(refusal.isEmpty(), () -> "refused: " + refusal);
        } else {
            assertTrue(refusal.isPresent(), "allowed, but must be refused");
            assertTrue(refusal.get().message().startsWith(message), refusal.get().message());
        }
    }
}
