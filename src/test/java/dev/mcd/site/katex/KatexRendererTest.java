package dev.mcd.site.katex;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KatexRendererTest {
    @TempDir
    static Path shared;
    private static KatexRenderer katex;

    @BeforeAll
    static void start() {
        katex = new KatexRenderer(shared.resolve("cache"));
    }

    @AfterAll
    static void stop() {
        katex.close();
    }

    @Test
    void rendersInlineAndDisplayMathAsHtmlPlusMathml() throws Exception {
        String inline = katex.render("\\mathbf{x}^\\top A \\mathbf{x}", false);
        String display = katex.render("\\mathrm{d}(XY) = \\mathrm{d}X\\,Y + X\\,\\mathrm{d}Y", true);
        assertAll(
                () -> assertTrue(inline.startsWith("<span class=\"katex\">"), inline),
                () -> assertTrue(inline.contains("<math xmlns=\"http://www.w3.org/1998/Math/MathML\">"), inline),
                () -> assertTrue(inline.contains("<annotation encoding=\"application/x-tex\">\\mathbf{x}^\\top A \\mathbf{x}</annotation>"), inline),
                () -> assertTrue(inline.contains("class=\"katex-html\""), inline),
                () -> assertTrue(display.startsWith("<span class=\"katex-display\">"), display),
                () -> assertTrue(display.contains("display=\"block\""), display));
    }

    @Test
    void unknownMacroIsAnErrorWithItsPosition() {
        String tex = "a + \\undefinedmacro b";
        var e = assertThrows(KatexException.class, () -> katex.render(tex, false));
        assertAll(
                () -> assertTrue(e.getMessage().startsWith("KaTeX parse error: Undefined control sequence: \\undefinedmacro"), e.getMessage()),
                () -> assertEquals(tex.indexOf('\\') + 1, e.position()),
                // KaTeX's lexer counts the blank after a control word as part of the token.
                () -> assertEquals("\\undefinedmacro ".length(), e.length()),
                () -> assertTrue(e.getMessage().contains("at position " + e.position()), e.getMessage()),
                () -> assertEquals(tex, e.tex()));
    }

    @Test
    void errorPositionPointsIntoLaterText() {
        String tex = "\\frac{a}{b} + \\left( x";
        var e = assertThrows(KatexException.class, () -> katex.render(tex, true));
        assertTrue(e.getMessage().contains("\\right"), e.getMessage());
        assertTrue(e.position() > tex.indexOf("\\left"), "position " + e.position());
    }

    @Test
    void strictWarningsBecomeErrors() {
        // KaTeX only warns about a comment swallowing the end of math; LaTeX itself would fail.
        var e = assertThrows(KatexException.class, () -> katex.render("x % comment", false));
        assertTrue(e.getMessage().contains("strict mode"), e.getMessage());
        assertTrue(e.getMessage().contains("commentAtEnd"), e.getMessage());
    }

    /** Each command that needs KaTeX's trust option, after some TeX so the position is checked. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "x + \\href{javascript:alert(1)}{x}", "x + \\href{https://example.org}{x}", "x + \\url{https://example.org}",
            "x + \\includegraphics{https://example.org/a.png}", "x + \\htmlClass{c}{x}", "x + \\htmlId{i}{x}",
            "x + \\htmlStyle{color:red}{x}", "x + \\htmlData{a=b}{x}"})
    void commandsNeedingTrustAreErrorsAtTheirPosition(String tex) {
        var e = assertThrows(KatexException.class, () -> katex.render(tex, false));
        assertEquals(tex.indexOf('\\') + 1, e.position(), e.getMessage());
        assertTrue(e.getMessage().contains("at position " + e.position()), e.getMessage());
    }

    @Test
    void sameFormulaIsRenderedOncePerRenderer() throws Exception {
        try (var k = new KatexRenderer(shared.resolve("dedup"))) {
            String first = k.render("\\alpha + \\beta", false);
            String second = k.render("\\alpha + \\beta", false);
            String display = k.render("\\alpha + \\beta", true);
            assertEquals(first, second);
            assertNotEquals(first, display);
            assertEquals(new RenderStats(3, 1, 0, 2), k.stats());
        }
    }

    @Test
    void secondRendererReadsTheDiskCacheWithoutRunningKatex(@TempDir Path dir) throws Exception {
        List<String> tex = List.of("x^2", "\\operatorname{tr}(A^\\top B)", "\\frac{\\partial l}{\\partial \\mathbf{y}}");
        var fromJs = new ArrayList<String>();
        try (var k = new KatexRenderer(dir)) {
            for (String t : tex) {
                fromJs.add(k.render(t, false));
            }
            assertEquals(3, k.stats().jsRenders());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(3, files.filter(p -> p.toString().endsWith(".html")).count());
        }
        try (var k = new KatexRenderer(dir)) {
            var fromDisk = new ArrayList<String>();
            for (String t : tex) {
                fromDisk.add(k.render(t, false));
            }
            assertEquals(fromJs, fromDisk);
            assertEquals(new RenderStats(3, 0, 3, 0), k.stats());
        }
    }

    /** A pull request could commit a link as a cache entry; its target must never reach a page. */
    @Test
    void aCacheEntryThatIsALinkIsNotRead(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-TOKEN");
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Files.createSymbolicLink(cache.resolve(RenderCache.key("y^2", false) + ".html"), secret);
        try (var k = new KatexRenderer(cache)) {
            String html = k.render("y^2", false);
            assertTrue(!html.contains("SECRET") && html.contains("katex"), html);
        }
    }

    @Test
    void cacheKeyDependsOnTexAndDisplayFlag() {
        assertEquals(RenderCache.key("x", false), RenderCache.key("x", false));
        assertNotEquals(RenderCache.key("x", false), RenderCache.key("x", true));
        assertNotEquals(RenderCache.key("ab", false), RenderCache.key("a", false));
        assertTrue(RenderCache.key("x", false).matches("[0-9a-f]{64}"));
    }

    @Test
    void parallelRendersMatchSequentialOnes(@TempDir Path dir) throws Exception {
        var formulas = KatexCorpus.FORMULAS.subList(0, 12);
        var sequential = new ArrayList<String>();
        for (var f : formulas) {
            sequential.add(katex.render(f.tex(), f.display()));
        }
        try (var k = new KatexRenderer(dir, 2)) {
            var futures = formulas.stream().map(f -> k.renderAsync(f.tex(), f.display())).toList();
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
            assertEquals(sequential, futures.stream().map(CompletableFuture::join).toList());
        }
    }

    @Test
    void closedRendererRefusesWork(@TempDir Path dir) {
        var k = new KatexRenderer(dir);
        k.close();
        assertThrows(IllegalStateException.class, () -> k.render("x", false));
    }
}
