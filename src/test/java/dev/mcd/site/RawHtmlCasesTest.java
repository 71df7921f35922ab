package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.robust.Projects;
import dev.mcd.site.render.RawHtml;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The raw-HTML policy as data ({@code security/raw-html.txt}): what is published as written, what is refused and why. */
class RawHtmlCasesTest {
    static Stream<Arguments> cases() throws IOException {
        return Files.readAllLines(Projects.repo().resolve("src/test/resources/security/raw-html.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\\s*\\|\\s*", 3))
                .map(p -> Arguments.of(p[0].strip(), p[1], p.length > 2 ? p[2] : ""));
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
