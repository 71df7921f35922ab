package dev.mcd.ci;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One voice for the differential (issue 10, item 4): the engine prints {@code \mathrm{d}}, so the
 * prose's maths must too, e.g. {@code $\mathrm{d}\mathbf{X}$}, never the italic {@code $d\mathbf{X}$}
 * or {@code $df$}. A "d" counts as a differential when it stands alone (no letter or backslash
 * before it) in front of a name, a bar, a parenthesis or a spacing command.
 */
class UprightDifferentialTest {
    private static final Pattern FENCE = Pattern.compile("```.*?```", Pattern.DOTALL);
    private static final Pattern MATH = Pattern.compile("\\$\\$(.+?)\\$\\$|\\$([^$\\n]+?)\\$", Pattern.DOTALL);
    private static final Pattern ITALIC_D = Pattern.compile(
            "(?<![\\\\A-Za-z{])d(?=\\s*(?:\\\\mathbf|\\\\boldsymbol|\\\\sigma|\\\\,|\\\\mathrm|\\\\ln|\\||\\(|\\\\big|\\\\left|[A-Za-z](?![A-Za-z])))");

    @Test
    void proseMathWritesTheDifferentialUpright() throws IOException {
        var found = new ArrayList<String>();
        try (Stream<Path> pages = Files.list(ProjectRoot.file("content"))) {
            for (Path p : pages.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String text = FENCE.matcher(Files.readString(p)).replaceAll(m -> " ".repeat(m.group().length()));
                Matcher math = MATH.matcher(text);
                while (math.find()) {
                    if (ITALIC_D.matcher(math.group()).find()) {
                        int line = (int) text.substring(0, math.start()).chars().filter(c -> c == '\n').count() + 1;
                        found.add(p.getFileName() + ":" + line + ": " + math.group().strip());
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "write \\mathrm{d}, as the derivations do:\n" + String.join("\n", found));
    }
}
