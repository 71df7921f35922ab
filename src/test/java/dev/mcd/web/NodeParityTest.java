package dev.mcd.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.testkit.CaseFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The engine compiled by TeaVM (target/classes/dev/mcd/web/mcd-engine.js) answers exactly as the
 * JVM does: every derive block in content/, every identity case and a set of bad inputs, run
 * through {@link WebDerive#complete} (the command line's {@code --format json}) here and through the
 * bundle's two calls in Node, {@code derive} then {@code verify} joined as derive.html receives them
 * (and, on the JVM, the same two calls joined give {@code complete}'s document). Steps, results, error
 * positions and messages must be equal; the verification's error figures may differ in the last
 * digit (JavaScript's Math is not StrictMath), so only those numbers are masked, and so is the Unicode
 * name of a refused character, which only the JVM knows (expr.Platform). The answers include the
 * result's three layouts and its NumPy module, so both printers are compared too. Under CI=true a
 * missing node fails.
 */
class NodeParityTest {
    private static final Path ROOT = Path.of(Optional.ofNullable(System.getenv("MCD_PROJECT_ROOT")).orElse(".")).toAbsolutePath();
    private static final Path BUNDLE = ROOT.resolve("target/classes/dev/mcd/web/mcd-engine.js");
    /** The maximum errors as doubles: printed by two different double-to-string algorithms. */
    private static final Pattern FIGURES = Pattern.compile("\"(maxStepError|maxIdentificationError|maxFiniteDifferenceError)\":[^,}]+");
    /** The same figures rounded in the summary ("finite differences to 3e-10"): JavaScript's Math.exp, log,
     * tanh... are not the JDK's StrictMath, so the last bits of a value, and so of an error, differ. */
    private static final Pattern SUMMARY_FIGURES = Pattern.compile("( to )(0|\\d(e-?\\d+)?)(?=[,\"])");

    /** Inputs the engine refuses, each at a position: the browser must show the same caret. */
    private static final List<List<String>> BAD = List.of(
            List.of("tr(X*Y", "X", ""), List.of("х + 1", "x", ""), List.of("x'*", "x", ""), List.of("sigmod(x)", "x", ""),
            List.of("x'*x", "y", ""), List.of("x'*x", "2x", ""), List.of("A*x", "x", "A: matrx"), List.of("1e400*x", "x", ""),
            List.of("tr(A*B)", "A", "A: matrix, B: vector"), List.of("x .. y", "x", ""), List.of("", "x", ""),
            List.of("ｘ'*x", "x", ""), List.of("tr(" .repeat(80) + "X" + ")".repeat(80), "X", ""),
            List.of("unvec(b, B)", "b", ""), List.of("unvec(X, rows(A))", "X", ""), List.of("rows(A)*x", "x", ""),
            List.of("S*A*S", "S", "S: symmetric, A: matrix"));

    @Test
    void bundleAnswersAsTheJvmForEveryBlockCaseAndError() throws Exception {
        Path node = node();
        assertTrue(Files.isRegularFile(BUNDLE), "no " + BUNDLE + ": `mvn process-classes` runs TeaVM");
        List<List<String>> cases = new ArrayList<>();
        cases.addAll(contentBlocks());
        cases.addAll(identityCases());
        cases.addAll(BAD);
        Path dir = Files.createDirectories(ROOT.resolve("target/parity"));
        Path in = dir.resolve("cases.json");
        Path out = dir.resolve("answers.json");
        Files.writeString(in, Json.write(cases));
        Process p = new ProcessBuilder(node.toString(), ROOT.resolve("src/test/resources/web/parity.js").toString(),
                BUNDLE.toString(), in.toString(), out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "node timed out");
        assertEquals(0, p.exitValue(), log);
        List<String> answers = answers(Files.readString(out));
        assertEquals(cases.size(), answers.size());
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            List<String> c = cases.get(i);
            String complete = WebDerive.complete(c.get(0), c.get(1), c.get(2));
            String first = WebDerive.derive(c.get(0), c.get(1), c.get(2));
            String split = first.startsWith("{\"error\":") ? first : joinOrError(first, WebDerive.verify());
            assertEquals(complete, split, "the two calls joined, on the JVM: " + c);
            String jvm = mask(complete);
            String js = mask(answers.get(i));
            if (!jvm.equals(js)) {
                differ.add(c + "\n  jvm:  " + jvm + "\n  node: " + js);
            }
        }
        assertTrue(cases.size() > 150, "cases: " + cases.size());
        assertTrue(differ.isEmpty(), differ.size() + " of " + cases.size() + " differ:\n" + String.join("\n", differ));
        // The compared answers hold what derive.html shows beyond the steps: every derivation its three
        // layouts, most a NumPy module, and the blocks with an abstract function none (null), so the
        // equality above covers the NumPy printer and the layouts' simplification in the bundle too.
        List<String> derived = answers.stream().filter(a -> a.startsWith("{\"expr\":")).toList();
        assertTrue(derived.size() > 100, "derivations: " + derived.size());
        assertEquals(derived.size(), derived.stream().filter(a -> a.contains("\"layouts\":{\"numerator\":{\"text\":")
                && a.contains("\"denominator\":{") && a.contains("\"mixed\":{")).count(), "each derivation has its three layouts");
        long modules = derived.stream().filter(a -> a.contains("\"numpy\":\"\\\"\\\"\\\"Generated by mcd")).count();
        long none = derived.stream().filter(a -> a.contains("\"numpy\":null")).count();
        assertEquals(derived.size(), modules + none, "numpy is a module or null");
        assertTrue(modules > derived.size() / 2 && none > 0, modules + " modules, " + none + " without (abstract functions)");
    }

    private static String joinOrError(String first, String rest) {
        return rest.startsWith("{\"error\":") ? rest : DeriveJson.join(first, rest);
    }

    /** The Unicode name after a code point ("U+0445 CYRILLIC SMALL LETTER HA"): the browser has no name table. */
    private static final Pattern CHARACTER_NAME = Pattern.compile("(U\\+[0-9A-F]{4,6}) [A-Z0-9 -]+\\)");

    private static String mask(String json) {
        json = CHARACTER_NAME.matcher(json).replaceAll("$1)");
        return SUMMARY_FIGURES.matcher(FIGURES.matcher(json).replaceAll("\"$1\":#")).replaceAll("$1#");
    }

    /** The answers array of parity.js's output: JSON strings, decoded with the escapes Json writes. */
    private static List<String> answers(String file) {
        int start = file.indexOf("\"answers\":[") + "\"answers\":[".length();
        List<String> out = new ArrayList<>();
        int i = start;
        while (file.charAt(i) == '"') {
            StringBuilder sb = new StringBuilder();
            i++;
            while (file.charAt(i) != '"') {
                char c = file.charAt(i++);
                if (c == '\\') {
                    char e = file.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(file.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
            out.add(sb.toString());
            i++;
            if (file.charAt(i) == ',') {
                i++;
            }
        }
        return out;
    }

    private static Path node() {
        Optional<Path> found = Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .map(d -> Path.of(d, "node")).filter(Files::isExecutable).findFirst();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertTrue(found.isPresent(), "CI needs node on PATH for the browser-engine parity test");
        }
        Assumptions.assumeTrue(found.isPresent(), "node not installed");
        return found.get();
    }

    /** expr, wrt and where of every ```derive block under content/. */
    static List<List<String>> contentBlocks() throws IOException {
        List<List<String>> out = new ArrayList<>();
        Pattern block = Pattern.compile("(?m)^```derive\\s*\\n(.*?)^```", Pattern.DOTALL);
        try (Stream<Path> files = Files.walk(ROOT.resolve("content"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = block.matcher(Files.readString(f));
                while (m.find()) {
                    String expr = "";
                    String wrt = "";
                    String where = "";
                    for (String line : m.group(1).split("\n")) {
                        int colon = line.indexOf(':');
                        if (colon < 0) {
                            continue;
                        }
                        String key = line.substring(0, colon).strip();
                        String value = line.substring(colon + 1).strip();
                        switch (key) {
                            case "expr" -> expr = value;
                            case "wrt" -> wrt = value;
                            case "where" -> where = value;
                            default -> { }
                        }
                    }
                    out.add(List.of(expr, wrt, where));
                }
            }
        }
        assertTrue(out.size() > 10, "derive blocks found: " + out.size());
        return out;
    }

    /** expr | wrt | where of every line of calculus/identity-cases.txt. */
    static List<List<String>> identityCases() {
        return CaseFile.read("calculus/identity-cases.txt").stream().map(c -> c.fields("|", 4).subList(0, 3)).toList();
    }
}
