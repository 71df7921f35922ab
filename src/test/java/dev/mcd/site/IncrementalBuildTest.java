package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.site.engine.DerivationCache;
import dev.mcd.site.engine.DerivationService;
import dev.mcd.site.engine.EngineDerivationService;
import dev.mcd.site.publish.SiteOutput;
import dev.mcd.site.render.DerivePage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview's incremental builds ({@link BuildMemo}, issue 14) on the real content: after each
 * kind of edit the site built with the memo equals, file for file and byte for byte, the site a
 * fresh build makes; a prose edit re-renders one page, a title edit all of them. The preview's
 * writing (unchanged files hard-linked from the previous generation) gives the same folder too.
 */
class IncrementalBuildTest {
    @TempDir
    Path tmp;

    private Path site;
    private DerivationService engine;

    @Test
    void everyIncrementalBuildEqualsAFullBuild() throws Exception {
        site = tmp.resolve("site");
        TestSites.copyTree(TestSites.projectRoot().resolve("content"), site.resolve("content"));
        TestSites.copyTree(TestSites.projectRoot().resolve("templates"), site.resolve("templates"));
        // Warm caches as in the preview: the same engine cache serves both builds.
        engine = new DerivationCache(new EngineDerivationService(), tmp.resolve("cache"));
        var memo = new BuildMemo();
        int pages = (int) Files.list(site.resolve("content")).count();

        SiteOutput first = sameAsFull(memo);
        assertEquals(pages, memo.pagesRendered(), "the first build renders every page");
        first.writeTo(tmp.resolve("gen-1"));

        Path notation = site.resolve("content/notation.md");
        String original = Files.readString(notation);
        Files.writeString(notation, original + "\nA sentence of prose with $x^\\top x$ in it.\n");
        SiteOutput prose = sameAsFull(memo);
        assertEquals(1, memo.pagesRendered(), "a prose edit re-renders its page only");
        prose.writeTo(tmp.resolve("gen-2"), first, tmp.resolve("gen-1"));
        assertEquals(List.of(), prose.differences(tmp.resolve("gen-2")), "linked and written files make the same site");
        // The other pages' layouts are reused: the very same arrays, so checks and the writer pass them in one comparison.
        var laidOut = prose.files().keySet().stream().filter(k -> k.endsWith(".html"))
                .filter(k -> prose.files().get(k) != first.files().get(k)).toList();
        assertEquals(List.of(DerivePage.PAGE, "notation.html"), laidOut, "derive.html is laid out on every build");

        Files.writeString(notation, original + """

                ```derive
                id: incremental-edit
                expr: norm2(W*x + b)^2
                wrt: W
                where: W: matrix, x: vector, b: vector
                ```
                """);
        sameAsFull(memo); // a new example: numbers and the index of examples change
        assertEquals(1, memo.pagesRendered(), "examples are numbered per page: an example added at the end renders its page");

        // An example inserted first renumbers the page's examples: the page citing them renders again, the others not.
        Path cited = site.resolve("content/cookbook-determinants-inverses.md");
        String citedText = Files.readString(cited);
        int firstBlock = citedText.indexOf("```derive");
        Files.writeString(cited, citedText.substring(0, firstBlock) + """
                ```derive
                id: incremental-first
                expr: tr(A*X)
                wrt: X
                where: A: matrix, X: matrix
                ```

                """ + citedText.substring(firstBlock));
        sameAsFull(memo);
        assertEquals(2, memo.pagesRendered(), "the edited page and cookbook-conformance.md, which cites its examples");
        Files.writeString(cited, citedText);
        sameAsFull(memo);

        Files.writeString(notation, original.replace("title: Notation and layout", "title: Notation, layout"));
        sameAsFull(memo);
        assertTrue(memo.pagesRendered() > 1 && memo.pagesRendered() < pages, "a title edit renders the pages that show it: "
                + memo.pagesRendered());

        Files.writeString(notation, original + "\n## A new heading\n\nMore prose.\n");
        sameAsFull(memo);

        // A template edit lays every page out again, also when the pages themselves are reused.
        Path template = site.resolve("templates/layout.ftlh");
        String layout = Files.readString(template);
        assertTrue(layout.contains("</body>"));
        Files.writeString(template, layout.replace("</body>", "<!-- a template edit --></body>"));
        sameAsFull(memo);
        // The placeholder check still sees every page when they all change through the template.
        Files.writeString(template, layout.replace("</body>", "<a href=\"https://example.org/\">x</a></body>"));
        var failure = assertThrows(BuildFailure.class, () -> new SiteBuilder(site, engine, new FakeMath(), memo).build());
        assertEquals(pages + 5, failure.problems().size(), failure.render());
        Files.writeString(template, layout);
        sameAsFull(memo);

        Files.writeString(notation, original + "\nBroken: [x](#eq:no-such-identity).\n");
        assertThrows(BuildFailure.class, () -> new SiteBuilder(site, engine, new FakeMath(), memo).build());
        Files.writeString(notation, original);
        SiteOutput back = sameAsFull(memo);
        assertEquals(first.files().keySet(), back.files().keySet());
        first.files().forEach((k, v) -> assertArrayEquals(v, back.files().get(k), k));
    }

    /** Builds with the memo and without, asserts both sites are identical, returns the memo's. */
    private SiteOutput sameAsFull(BuildMemo memo) throws Exception {
        SiteOutput incremental = new SiteBuilder(site, engine, new FakeMath(), memo).build();
        SiteOutput full = new SiteBuilder(site, engine, new FakeMath()).build();
        assertEquals(full.files().keySet(), incremental.files().keySet());
        for (var e : full.files().entrySet()) {
            assertArrayEquals(e.getValue(), incremental.files().get(e.getKey()), e.getKey());
        }
        return incremental;
    }
}
