package dev.mcd.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.cli.SharedServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial's worked examples guard their results: in a copy of the real content, every
 * {@code expect} of examples 1–5 is doubled and the last link of example 6's proof loses its
 * sign, and the build must fail at each of those lines and leave the old site alone.
 */
class TutorialExpectationsTest {
    private static final String PAGE = "content/worked-examples.md";

    @Test
    void changingAnyTutorialResultFailsTheBuildAtItsLine(@TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("project");
        Projects.copyTree(Projects.repo().resolve("content"), project.resolve("content"));
        Projects.copyTree(Projects.repo().resolve("templates"), project.resolve("templates"));
        Files.createDirectories(project.resolve("site-output"));
        Files.writeString(project.resolve("site-output/marker.html"), "previous site");

        Path page = project.resolve(PAGE);
        List<String> lines = new ArrayList<>(Files.readAllLines(page));
        List<Integer> broken = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("expect: ")) {
                lines.set(i, "expect: 2*(" + line.substring("expect: ".length()) + ")");
                broken.add(i + 1);
            } else if (line.startsWith("d(inv(X)) = -inv(X)*d(X)*inv(X)")) {
                lines.set(i, line.replace("= -inv(X)", "= inv(X)"));
                broken.add(i + 1);
            }
        }
        assertEquals(7, broken.size(), "six expect lines (example 5 has two) and the last link of example 6");
        Files.write(page, lines);

        Run run;
        // the engine is what the expectations guard; KaTeX rendering every formula of the site is not
        try (var shared = SharedServices.installWithoutKatex()) {
            run = Run.of("build", "--root", project.toString());
        }
        assertEquals(1, run.exit(), run.err());
        for (int line : broken) {
            assertTrue(run.err().contains(PAGE + ":" + line + ":"), "a problem at line " + line + " in\n" + run.err());
        }
        assertEquals("previous site", Files.readString(project.resolve("site-output/marker.html")));
        assertEquals(List.of("marker.html"), Projects.listing(project.resolve("site-output")));
    }
}
