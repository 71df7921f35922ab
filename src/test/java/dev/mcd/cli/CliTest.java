package dev.mcd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.robust.Projects;
import dev.mcd.robust.Run;
import dev.mcd.testkit.Python;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line end to end, in process: exit codes, derive's four formats, new, build and check. */
class CliTest {
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

    private static Run ok(String... args) {
        Run r = Run.of(args);
        assertEquals(0, r.exit(), r::toString);
        assertNull(r.stackTrace(), r::toString);
        return r;
    }

    private static Run usage(String... args) {
        Run r = Run.of(args);
        assertEquals(2, r.exit(), r::toString);
        assertNull(r.stackTrace(), r::toString);
        assertFalse(r.err().isBlank(), () -> "says nothing: " + r);
        return r;
    }

    /** A project with the real templates and a one-paragraph home page. */
    private Path project() throws IOException {
        Path p = tmp.resolve("project");
        Projects.copyTree(Projects.repo().resolve("templates"), p.resolve("templates"));
        Files.createDirectories(p.resolve("content"));
        Files.writeString(p.resolve("content/index.md"), "---\ntitle: Home\n---\nThe home page, $x^T x$.\n");
        return p;
    }

    @Test
    void helpAndVersionExitZero() {
        assertTrue(ok("--help").out().contains("Usage: mcd"));
        assertTrue(ok("--version").out().contains("mcd 0.1.0"));
        assertTrue(ok("derive", "--help").out().contains("--wrt"));
        assertTrue(ok("new", "--help").out().contains("example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"build", "check", "derive", "new", "refs", "serve", "daemon"})
    void helpExamplesAreWholeCommandsThatCopy(String command) {
        String help = ok(command, "--help").out();
        int at = help.indexOf("Example");
        assertTrue(at >= 0, help);
        for (String line : help.substring(help.indexOf('\n', at) + 1).split("\n")) {
            assertTrue(line.isBlank() || line.startsWith("  ./mcd " + command), "a wrapped or partial example: " + line);
        }
    }

    @Test
    void serveTakesRootLikeTheOthersAndProjectStillWorksWithANotice() {
        String missing = tmp.resolve("nowhere").toString();
        assertTrue(usage("serve", "--root", missing).err().contains("no content/ folder"));
        Run old = usage("serve", "--project", missing);
        assertTrue(old.err().contains("--project is deprecated, use --root") && old.err().contains("no content/ folder"), old::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"frobnicate", "--nope", "build --nope", "check --root", "derive x'*x",
            "derive x --wrt x --format pdf", "new", "new example", "new thing name", "new example Not_Kebab", "", "daemon", "daemon restart"})
    void usageErrorsExitTwo(String line) {
        usage(line.isEmpty() ? new String[0] : line.split(" "));
    }

    @Test
    void buildOfAMissingFolderIsBadInput() {
        assertTrue(usage("build", "--root", tmp.resolve("nowhere").toString()).err().contains("no such project folder"));
    }

    @Test
    void deriveTextNumbersTheStepsAndEndsWithTheResult() {
        String out = ok("derive", "x'*x", "--wrt", "x").out();
        List<String> lines = out.lines().toList();
        assertEquals("d(x'*x)", lines.getFirst());
        assertTrue(lines.get(1).matches(" {2}1\\.  = .*\\[.+]"), out);
        int steps = (int) lines.stream().filter(l -> l.matches(" *\\d+\\.  = .*")).count();
        assertTrue(steps >= 2, out);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Finally, from eq. (2): d/dx x'*x = 2*x'")), out);
        assertTrue(lines.getLast().startsWith("verified: "), out);
    }

    @Test
    void deriveJsonIsValidWithStepsResultAndVerification() {
        String out = ok("derive", "x'*x", "--wrt", "x", "--format", "json").out();
        var json = assertInstanceOf(Map.class, TinyJson.parse(out));
        var steps = assertInstanceOf(List.class, json.get("steps"));
        assertFalse(steps.isEmpty(), out);
        for (Object s : steps) {
            var step = assertInstanceOf(Map.class, s);
            assertInstanceOf(String.class, step.get("text"));
            assertInstanceOf(String.class, step.get("justification"));
        }
        var result = assertInstanceOf(Map.class, json.get("result"));
        assertEquals("2*x'", result.get("text"));
        var verification = assertInstanceOf(Map.class, json.get("verification"));
        double points = assertInstanceOf(Double.class, verification.get("points"));
        assertTrue(points >= 1, out);
        // the figure itself is the verifier's: a derivation that fails it makes derive exit 2 before this
        assertInstanceOf(Double.class, verification.get("maxFiniteDifferenceError"));
        assertEquals("x", json.get("wrt"));
    }

    @Test
    void deriveJsonCarriesTheSimplifiedLayoutsAndTheNumpyModule() {
        String[] q = {"derive", "x'*A*x", "--wrt", "x", "--where", "A: matrix, x: vector"};
        var json = (Map<?, ?>) TinyJson.parse(ok(concat(q, "--format", "json")).out());
        // the same module as --format numpy, which derive.html's "Copy NumPy" copies
        assertEquals(ok(concat(q, "--format", "numpy")).out(), json.get("numpy"));
        var layouts = assertInstanceOf(Map.class, json.get("layouts"));
        String result = (String) ((Map<?, ?>) json.get("result")).get("text");
        assertEquals(result, ((Map<?, ?>) layouts.get("numerator")).get("text"));
        // a scalar by a vector: the gradient in both other layouts, the transpose pushed down to the names
        String gradient = (String) ((Map<?, ?>) layouts.get("denominator")).get("text");
        assertEquals(gradient, ((Map<?, ?>) layouts.get("mixed")).get("text"));
        assertNotEquals(result, gradient);
        assertFalse(gradient.endsWith(")'"), gradient);
        assertInstanceOf(String.class, ((Map<?, ?>) layouts.get("mixed")).get("latex"));
        // an abstract function has no NumPy form: null, as the site's blocks offer no "Copy NumPy"
        var abstractF = (Map<?, ?>) TinyJson.parse(ok("derive", "l(W*x)", "--wrt", "W", "--where",
                "l: scalar function, W: matrix, x: vector", "--format", "json").out());
        assertTrue(abstractF.containsKey("numpy"), abstractF::toString);
        assertNull(abstractF.get("numpy"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void deriveLatexIsAnAlignedChainEndingInTheJsonResult() {
        String latex = ok("derive", "x'*A*x", "--wrt", "x", "--where", "A: matrix, x: vector", "--format", "latex").out();
        var json = (Map<?, ?>) TinyJson.parse(ok("derive", "x'*A*x", "--wrt", "x", "--where", "A: matrix, x: vector",
                "--format", "json").out());
        String resultTex = (String) ((Map<?, ?>) json.get("result")).get("latex");
        assertTrue(latex.startsWith("\\begin{aligned}\n"), latex);
        assertTrue(latex.contains("\n\\end{aligned}\n"), latex);
        assertEquals(((List<?>) json.get("steps")).size(), latex.split("&=", -1).length - 1, latex);
        assertTrue(latex.strip().endsWith("= " + resultTex), latex);
        assertFalse(latex.contains("x'"), "TeX, not our language: " + latex);
    }

    @Test
    void deriveParseErrorExitsTwoWithACaret() {
        Run r = usage("derive", "x'*(x + y", "--wrt", "x");
        List<String> err = r.err().lines().toList();
        assertTrue(err.getFirst().startsWith("mcd derive: in the expression at 1:10: "), r::toString);
        assertEquals("  x'*(x + y", err.get(1), r::toString);
        assertEquals("           ^", err.get(2), r::toString);
        assertTrue(usage("derive", "x'*x", "--wrt", "x", "--where", "x: tensor").err().contains("^"));
        assertTrue(usage("derive", "x'*x", "--wrt", "2*x").err().startsWith("mcd derive: in --wrt"));
    }

    @Test
    void deriveNumpyDefinesDerivativeThatMatchesFiniteDifferences() throws Exception {
        String py = ok("derive", "x'*A*x", "--wrt", "x", "--where", "A: matrix, x: vector", "--format", "numpy").out();
        assertTrue(py.contains("import numpy as np"), py);
        assertTrue(py.contains("\ndef derivative(**v):\n"), py);
        Path module = tmp.resolve("mcd_derivative.py");
        Files.writeString(module, py);
        // f(x) = x'Ax from its definition, not from mcd: central differences per coordinate.
        Path check = tmp.resolve("check.py");
        Files.writeString(check, """
                import numpy as np
                from mcd_derivative import derivative
                rng = np.random.default_rng(7)
                for n in (1, 3, 5):
                    A = rng.normal(size=(n, n)); x = rng.normal(size=(n, 1))
                    f = lambda x: (x.T @ A @ x).item()
                    h = 1e-6
                    fd = np.array([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(n).reshape(n, n, 1)])
                    got = np.asarray(derivative(A=A, x=x), dtype=float).reshape(-1)
                    assert got.shape == (n,), got.shape
                    err = np.max(np.abs(got - fd)) / max(1.0, np.max(np.abs(fd)))
                    assert err < 1e-6, (n, got, fd, err)
                print("ok")
                """);
        Python.requireNumpy("check of the NumPy export");
        Python.Output output = Python.run(tmp, List.of(check.toString()), 60);
        assertEquals(0, output.exit(), output.text() + "\n" + py);
        assertEquals("ok", output.text().strip());
    }

    @Test
    void newExampleCreatesAPageThatBuilds() throws IOException {
        Path p = project();
        Run created = ok("new", "example", "quadratic-form", "--root", p.toString());
        Path page = p.resolve("content/example-quadratic-form.md");
        assertTrue(Files.isRegularFile(page), created::toString);
        usage("new", "example", "quadratic-form", "--root", p.toString());
        Run built = ok("build", "--root", p.toString());
        assertTrue(built.out().startsWith("built "), built::toString);
        String html = Files.readString(p.resolve("site-output/example-quadratic-form.html"));
        assertTrue(html.contains("Quadratic form"), html);
        assertTrue(html.contains("katex"), "the derivation is rendered by KaTeX");
    }

    @Test
    void newExampleWhoseNameIsAnIdInUseStillBuilds() throws IOException {
        Path p = project();
        Files.writeString(p.resolve("content/gallery.md"), "---\ntitle: Gallery\n---\n```derive\nid: logistic-loss\n"
                + "expr: x'*x\nwrt: x\n```\n");
        ok("new", "example", "logistic-loss", "--root", p.toString());
        String page = Files.readString(p.resolve("content/example-logistic-loss.md"));
        assertTrue(page.contains("id: logistic-loss-2") && page.contains("title: Logistic loss"), page);
        assertFalse(page.toLowerCase(java.util.Locale.ROOT).contains("quadratic"), "no text about another function");
        assertTrue(ok("build", "--root", p.toString()).out().startsWith("built "));
    }

    @Test
    void checkPassesAfterBuildAndNamesAnEditedFile() throws IOException {
        Path p = project();
        ok("build", "--root", p.toString());
        assertTrue(ok("check", "--root", p.toString()).out().contains("up to date"));
        Path index = p.resolve("site-output/index.html");
        Files.writeString(index, Files.readString(index).replace("The home page", "The hand-edited page"));
        Files.writeString(p.resolve("site-output/stray.html"), "<p>stray</p>");
        Run r = Run.of("check", "--root", p.toString());
        assertEquals(1, r.exit(), r::toString);
        assertNull(r.stackTrace(), r::toString);
        assertTrue(r.err().contains("changed: site-output/index.html"), r::toString);
        assertTrue(r.err().contains("extra: site-output/stray.html"), r::toString);
        assertTrue(r.err().contains("(2 file(s))"), r::toString);
        // web-bundle/ is the browser engine the first build pinned (DerivePage); check adds nothing
        assertEquals(List.of("content", "site-output", "templates", "web-bundle"), Projects.listing(p), "check leaves no temp folder");
    }
}
