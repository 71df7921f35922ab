package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcd.testkit.CaseFile;
import dev.mcd.testkit.CaseLine;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The prose audit's reading of TeX, as data: {@code prose-audit/tex-cases.txt}, one case a line. */
class TexEquationTest {
    static Stream<CaseLine> cases() {
        return CaseFile.read("prose-audit/tex-cases.txt").stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void readsWhatTheLanguageHas(CaseLine c) {
        List<String> parts = c.fields(" => ", 2);
        String got = TexEquation.translate(parts.get(0))
                .map(t -> String.join(" ; ", t.sides()) + " | " + t.where()).orElse("none");
        assertEquals(parts.get(1), got, c.toString());
    }
}
