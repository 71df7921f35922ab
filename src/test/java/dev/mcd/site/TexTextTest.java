package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each line of tex-text/cases.txt: a formula's TeX and the text a search snippet shows for it. */
class TexTextTest {
    static Stream<Arguments> cases() throws IOException {
        String text;
        try (var in = Objects.requireNonNull(TexTextTest.class.getResourceAsStream("/tex-text/cases.txt"))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> {
            int bar = l.lastIndexOf(" | ");
            return Arguments.of(l.substring(0, bar), l.substring(bar + 3));
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void showsTheFormulaAsText(String tex, String text) {
        assertEquals(text, TexText.of(tex));
    }
}
