package dev.mcd.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the engine packages (compiled to JavaScript by TeaVM for derive.html) free of the JDK APIs
 * that compile there but answer differently, found by the probe of issue 16: a browser would then
 * show other steps or sizes than the site. TeaVM itself stops the build on a missing API; these
 * only differ at run time. {@code expr/JvmPlatform.java} is the one place for JVM-only code.
 */
class BrowserPortabilityTest {
    private static final Path ROOT = Path.of(Optional.ofNullable(System.getenv("MCD_PROJECT_ROOT")).orElse(".")).toAbsolutePath();
    private static final List<String> ENGINE = List.of("expr", "calculus", "print", "verify", "web");

    /** Pattern → why it is refused. */
    private static final Map<Pattern, String> REFUSED = Map.of(
            Pattern.compile("\\\\p\\{Is[A-Z]"), "Unicode property classes \\p{IsXxx} fail in TeaVM's regex: use \\p{L}, \\p{Nd}",
            Pattern.compile("\"[^\"]*%[-#+ 0,(]*\\d*(\\.\\d+)?[eEgGaA]"), "%e/%g/%a are not in TeaVM's formatter: use verify.Decimal",
            Pattern.compile("\\.nextInt\\(\\s*[^)\\s]"), "Random.nextInt(bound) draws differently in TeaVM: use the JDK algorithm (verify.Sizing)",
            Pattern.compile("Collections\\.shuffle\\("), "Collections.shuffle calls nextInt(bound): see verify.Sizing.shuffle",
            Pattern.compile("new Thread\\(|Character\\.getName\\("), "JVM only: put it in expr.JvmPlatform",
            Pattern.compile("unmodifiableSorted|unmodifiableNavigable"), "missing in TeaVM: use expr.Sorted",
            Pattern.compile("java\\.util\\.regex|\\.(matches|split|replaceFirst|replaceAll)\\(\\s*\""),
            "a regex puts TeaVM's whole regex engine (28 KB gzip, issue 16) into the browser bundle: read the text by hand",
            Pattern.compile("Character\\.(isLetter|isDigit|isLetterOrDigit|isUpperCase|isWhitespace)\\(|\\.(strip|stripLeading|stripTrailing|isBlank)\\(\\)"),
            "TeaVM's Character decodes its whole Unicode table on the first call (derive.html's first answer): use expr.Chars");

    @Test
    void engineSourcesUseNoApiThatDiffersInTheBrowser() throws IOException {
        List<String> found = new ArrayList<>();
        for (String pkg : ENGINE) {
            try (Stream<Path> files = Files.walk(ROOT.resolve("src/main/java/dev/mcd").resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    if (f.getFileName().toString().equals("JvmPlatform.java") || f.getFileName().toString().equals("Chars.java")) {
                        continue;
                    }
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).replaceFirst("\\s//\\s.*$", "");
                        if (line.strip().startsWith("*") || line.strip().startsWith("/*") || line.strip().startsWith("//")) {
                            continue; // comments may name what is refused
                        }
                        for (var e : REFUSED.entrySet()) {
                            if (e.getKey().matcher(line).find()) {
                                found.add(ROOT.relativize(f) + ":" + (i + 1) + ": " + e.getValue() + "\n    " + line.strip());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), String.join("\n", found));
    }
}
