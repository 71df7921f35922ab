package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The prose audit's reading of TeX, as data: {@code prose-audit/tex-cases.txt}, one case a line. */
class TexEquationTest {
    static Stream<String> cases() throws IOException {
        return Files.readAllLines(TestSites.projectRoot().resolve("src/test/resources/prose-audit/tex-cases.txt"),
                StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank() && !l.startsWith("#"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void readsWhatTheLanguageHas(String line) {
        String[] parts = line.split(" => ", 2);
        String got = TexEquation.translate(parts[0])
                .map(t -> String.join(" ; ", t.sides()) + " | " + t.where()).orElse("none");
        assertEquals(parts[1], got, parts[0]);
    }
}
