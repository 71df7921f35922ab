package dev.mcd.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.cli.SharedServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder under {@code src/test/resources/bad/} is a broken project; {@code mcd build} on it
 * must exit 1, report each line of its {@code expected.txt} ({@code file:line:col: message
 * start}) and nothing else, leak no stack trace, and leave the old {@code site-output/} alone.
 * A {@code symlinks.txt} lists paths to create at test time as links out of the project, or
 * ({@code path -> target}) to a target inside it.
 */
class BadInputTest {
    private static final Pattern HEADER = Pattern.compile("([\\w./-]+)(?::\\d+:(\\d+))?: \\S.*");
    private static final String MARKER = "site-output/marker.html";
    private static SharedServices services;

    @TempDir
    Path tmp;

    @BeforeAll
    static void openServices() {
        services = SharedServices.install();
    }

    @AfterAll
    static void closeServices() {
        services.close();
    }

    /**
     * Each problem is "file:line:col: message" (or "file: message") on one line, optionally the
     * source line and a caret under it; a message spread over several lines breaks editors' parsers.
     */
    private static void assertOneLinePerProblem(List<String> lines, Run run) {
        for (int i = 0; i < lines.size() - 1; i++) {
            String l = lines.get(i);
            assertTrue(HEADER.matcher(l).matches(), () -> "not a problem line: '" + l + "' in\n" + run);
            if (i + 2 < lines.size() && lines.get(i + 1).startsWith("  ") && lines.get(i + 2).matches(" *\\^")) {
                int caret = lines.get(i + 2).indexOf('^') - 2;
                var m = HEADER.matcher(l);
                m.matches();
                if (m.group(2) != null) {
                    assertEquals(Math.min(Integer.parseInt(m.group(2)) - 1, lines.get(i + 1).length() - 2), caret,
                            () -> "the caret is not under the column of '" + l + "'");
                }
                i += 2;
            }
        }
        assertTrue(lines.getLast().matches("\\d+ problem\\(s\\)"), () -> "no problem count at the end:\n" + run);
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(Projects.bad())) {
            return s.filter(p -> Files.exists(p.resolve("expected.txt")))
                    .map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsAtTheRightPlaceAndKeepsTheOldSite(String name) throws IOException {
        Path project = Projects.copy(Projects.bad().resolve(name), tmp.resolve("project"));
        for (String line : Projects.lines(project.resolve("symlinks.txt"))) {
            // "path" links to a file outside the project; "path -> target" to target inside it (made if missing).
            String[] parts = line.split(" -> ", 2);
            Path link = project.resolve(parts[0]);
            Path target = tmp.resolve("outside.md");
            Files.writeString(target, "---\ntitle: Outside\n---\nNot part of the project.\n");
            if (parts.length == 2) {
                target = project.resolve(parts[1]);
                Files.createDirectories(target.getParent());
                if (!Files.exists(target)) {
                    Files.writeString(target, "[http \"https://github.com/\"]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n");
                }
            }
            Files.deleteIfExists(link); // e.g. a real template the link replaces
            Files.createSymbolicLink(link, target);
        }
        Path marker = project.resolve(MARKER);
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, "<p>the previous site, " + name + "</p>\n");
        Map<String, byte[]> before = Projects.snapshot(project.resolve("site-output"));
        List<String> rootBefore = Projects.listing(project);

        Run run = Run.of("build", "--root", project.toString());

        assertEquals(1, run.exit(), run::toString);
        assertNull(run.stackTrace(), () -> "stack trace leaked:\n" + run);
        List<String> expected = Projects.lines(project.resolve("expected.txt"));
        List<String> errLines = run.err().lines().toList();
        for (String e : expected) {
            assertTrue(errLines.stream().anyMatch(l -> l.startsWith(e)), () -> "missing '" + e + "' in\n" + run);
        }
        assertTrue(errLines.contains(expected.size() + " problem(s)"), () -> "expected exactly " + expected.size()
                + " problem(s):\n" + run);
        assertOneLinePerProblem(errLines, run);
        assertFalse(run.out().contains("built "), run::toString);
        assertTrue(Projects.sameFiles(before, Projects.snapshot(project.resolve("site-output"))), "site-output/ changed");
        assertEquals(rootBefore, Projects.listing(project), "the build left files in the project root");
    }
}
