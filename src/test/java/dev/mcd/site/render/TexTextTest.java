package dev.mcd.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcd.testkit.CaseFile;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each line of tex-text/cases.txt: a formula's TeX and the text a search snippet shows for it. */
class TexTextTest {
    static Stream<Arguments> cases() {
        return CaseFile.read("tex-text/cases.txt").stream().map(c -> {
            var f = c.fields(" | ", 2);
            return Arguments.of(f.get(0), f.get(1));
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void showsTheFormulaAsText(String tex, String text) {
        assertEquals(text, TexText.of(tex));
    }
}
