package dev.mcd.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps README's Quick start at exactly two commands ({@code ./mcd build}, {@code mvn -B test})
 * and CI running the same test command, so the documented way is the tested way; README's sample
 * {@code mcd derive} output is what that command prints.
 */
class ReadmeCommandsTest {

    /** A shell line that runs the test command itself, not one that merely mentions it. */
    private static final Pattern RUNS_TESTS = Pattern.compile("^\\s*mvn -B test(\\s|$)");
    private static final Pattern RUNS_CHECK = Pattern.compile("^\\s*\\./mcd check(\\s|$)");

    @Test
    void quickStartHasExactlyTheTwoSetUpCommands() throws IOException {
        List<String> lines = Files.readAllLines(ProjectRoot.file("README.md"));
        assertEquals(List.of("./mcd build", "mvn -B test"), commandsIn(section(lines, "Quick start")));
    }

    @Test
    void ciRunsTheReadmeTestCommandThenTheSiteCheck() throws IOException {
        List<String> script = Files.readAllLines(ProjectRoot.file(".ci/run")).stream()
                .filter(line -> !line.strip().startsWith("#"))
                .toList();
        int tests = indexOfMatch(script, RUNS_TESTS);
        int check = indexOfMatch(script, RUNS_CHECK);
        assertTrue(tests >= 0, ".ci/run does not run `mvn -B test`");
        assertTrue(check > tests, ".ci/run does not run `./mcd check` after the tests");
    }

    @Test
    void ciScriptAndLauncherAreExecutable() {
        // CI calls `bash .ci/run`, but people and the workflow call both directly.
        assertTrue(Files.isExecutable(ProjectRoot.file(".ci/run")), ".ci/run is not executable");
        assertTrue(Files.isExecutable(ProjectRoot.file("mcd")), "mcd is not executable");
    }

    /** README's sample derivation: "(`./mcd derive '...' --wrt W --where '...'`):" then a text block. */
    private static final Pattern DERIVE_SAMPLE = Pattern.compile("\\(`\\./mcd (derive [^`]*)`\\):\\s*```text\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theSampleDeriveOutputIsWhatTheCommandPrints() throws IOException {
        // the sample shows measured errors and sizes, which move when the points' seeds do
        var m = DERIVE_SAMPLE.matcher(Files.readString(ProjectRoot.file("README.md")));
        assertTrue(m.find(), "README has no sample `./mcd derive ...` output");
        List<String> args = new ArrayList<>();
        var word = Pattern.compile("'([^']*)'|(\\S+)").matcher(m.group(1));
        while (word.find()) {
            args.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        dev.mcd.robust.Run r = dev.mcd.robust.Run.of(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r::toString);
        assertEquals(m.group(2), r.out());
    }

    /** The lines under the "## title" heading, up to the next heading of that level or above. */
    static List<String> section(List<String> lines, String title) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("## " + title)) {
                start = i + 1;
                break;
            }
        }
        assertTrue(start >= 0, "README has no \"## " + title + "\" section");
        int end = start;
        boolean fenced = false;
        while (end < lines.size()) {
            String line = lines.get(end);
            fenced ^= line.startsWith("```");
            if (!fenced && (line.startsWith("# ") || line.startsWith("## "))) {
                break;
            }
            end++;
        }
        return lines.subList(start, end);
    }

    /** The non-blank, non-comment lines inside the section's fenced code blocks. */
    static List<String> commandsIn(List<String> section) {
        List<String> commands = new ArrayList<>();
        boolean fenced = false;
        for (String line : section) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (fenced && !line.isBlank() && !line.strip().startsWith("#")) {
                commands.add(line.strip().replaceFirst("^\\$\\s*", ""));
            }
        }
        return commands;
    }

    private static int indexOfMatch(List<String> lines, Pattern pattern) {
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }
}
