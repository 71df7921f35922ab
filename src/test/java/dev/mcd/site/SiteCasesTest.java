package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mcd.site.publish.SiteOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder under {@code sites/} with an {@code expected-errors.txt} is a site whose build must
 * fail with exactly those problems (file:line:col, source line, caret), in that order.
 */
class SiteCasesTest {
    @TempDir
    Path tmp;

    static Stream<String> failingCases() throws IOException {
        try (Stream<Path> s = Files.list(TestSites.sites())) {
            return s.filter(p -> Files.exists(p.resolve("expected-errors.txt")))
                    .map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("failingCases")
    void reportsEveryProblemAtItsPlace(String name) throws IOException {
        Path site = TestSites.copy(name, tmp);
        var failure = assertThrows(BuildFailure.class, () -> new SiteBuilder(site, new FakeEngine(), new FakeMath()).build());
        String expected = Files.readString(site.resolve("expected-errors.txt"), StandardCharsets.UTF_8).strip();
        assertEquals(expected, failure.render().strip());
        assertEquals(false, Files.exists(site.resolve(SiteOutput.DIR)));
    }
}
