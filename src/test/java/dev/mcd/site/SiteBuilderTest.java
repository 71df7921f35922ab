package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ok} example site: what the pages contain, determinism, and atomic publishing. */
class SiteBuilderTest {
    @TempDir
    Path tmp;

    private SiteOutput build(Path site) throws BuildFailure {
        return new SiteBuilder(site, new FakeEngine(), new FakeMath()).build();
    }

    private static String text(SiteOutput out, String file) {
        return new String(out.files().get(file), StandardCharsets.UTF_8);
    }

    @Test
    void rendersPagesReferencesAndGeneratedFiles() throws Exception {
        var out = build(TestSites.copy("ok", tmp));
        assertTrue(out.files().keySet().containsAll(List.of("index.html", "basics.html", "identities.html",
                "examples.html", "404.html", "search-index.json", "sitemap.xml", "katex/katex.min.css")));
        assertTrue(out.files().keySet().stream().anyMatch(k -> k.startsWith("katex/fonts/KaTeX_Main-Regular")));
        String home = text(out, "index.html");
        assertTrue(home.contains("<a href=\"basics.html\">the basics</a>"), home);
        assertTrue(home.contains("<a href=\"identities.html#eq:product-rule\">eq. (10)</a>"), home);
        assertTrue(home.contains("<a href=\"basics.html#ex:first\">Example 1 in Basics</a>"), home);
        assertTrue(home.contains("A price of $5 and $10 is not math."), home);
        assertTrue(home.contains("<span class=\"katex\">x^T x</span>"), home);
        assertTrue(home.contains("<code>$not math$</code>"), home);
        assertTrue(home.contains("id=\"theme-toggle\"") && home.contains("id=\"search-input\""), home);
        String basics = text(out, "basics.html");
        assertTrue(basics.contains("<h2 id=\"the-d-operator\">"), basics);
        assertTrue(basics.contains("<h2 id=\"the-d-operator-2\">"), basics);
        assertTrue(basics.contains("<span class=\"katex\">a_1 * b_1</span>"), basics);
        assertTrue(basics.contains("id=\"ex:first\""), basics);
        assertTrue(basics.contains("class=\"verified\" tabindex=\"0\" title=\"steps agree at 3 random points"), basics);
        assertTrue(basics.contains("<a class=\"ref\" href=\"identities.html#eq:inverse-rule\">eq. (16)</a>"), basics);
        assertTrue(basics.contains("<a href=\"index.html#welcome\">home</a>"), basics);
        assertTrue(basics.contains("print(&quot;$x$&quot;)"), basics);
        assertTrue(basics.contains("/edit/main/content/basics.md"), basics);
        assertTrue(basics.contains("rel=\"prev\" href=\"index.html\""), basics);
        String ids = text(out, "identities.html");
        assertTrue(ids.contains("<tr id=\"eq:product-rule\">") && ids.contains("<tr id=\"fact:cyclic-trace\">"), ids);
        assertTrue(text(out, "examples.html").contains("href=\"basics.html#ex:first\""));
        String search = text(out, "search-index.json");
        assertTrue(search.contains("\"title\":\"Basics\",\"url\":\"basics.html\""), search);
        assertFalse(search.contains("mathrm"), search);
        assertTrue(text(out, "sitemap.xml").contains("<loc>https://mcd-dev.github.io/mcd/basics.html</loc>"));
        assertTrue(basics.contains("<link rel=\"canonical\" href=\"https://mcd-dev.github.io/mcd/basics.html\">"), basics);
        assertTrue(basics.contains("<meta property=\"og:title\"") && basics.contains("<meta name=\"description\""), basics);
        assertTrue(basics.contains("href=\"assets/favicon.svg\""), basics);
        String notFound = text(out, "404.html");
        assertTrue(notFound.contains("href=\"/mcd/assets/") && notFound.contains("href=\"/mcd/index.html\""), notFound);
    }

    @Test
    void twoBuildsAreByteIdentical() throws Exception {
        var a = build(TestSites.copy("ok", tmp.resolve("a")));
        var b = build(TestSites.copy("ok", tmp.resolve("b")));
        assertEquals(a.files().keySet(), b.files().keySet());
        for (String k : a.files().keySet()) {
            assertArrayEquals(a.files().get(k), b.files().get(k), k);
        }
    }

    @Test
    void aFailedBuildLeavesThePreviousOutput() throws Exception {
        Path site = TestSites.copy("ok", tmp);
        build(site).publish(site);
        Path index = site.resolve("site-output/index.html");
        byte[] before = Files.readAllBytes(index);
        Files.writeString(site.resolve("content/basics.md"), "---\ntitle: Basics\n---\nSee [](#eq:nope).\n");
        assertThrows(BuildFailure.class, () -> build(site));
        assertArrayEquals(before, Files.readAllBytes(index));
        assertEquals(List.of(), build(TestSites.copy("ok", tmp.resolve("again"))).differences(site.resolve("site-output")));
        try (var s = Files.list(site)) {
            assertEquals(List.of("content", "mcd.yaml", "site-output", "templates"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aSymlinkOutOfTheProjectIsRefused() throws Exception {
        Path site = TestSites.copy("ok", tmp.resolve("site"));
        Path secret = Files.writeString(tmp.resolve("secret.md"), "---\ntitle: Secret\n---\n");
        Files.createSymbolicLink(site.resolve("content/secret.md"), secret);
        var failure = assertThrows(BuildFailure.class, () -> build(site));
        assertEquals(1, failure.problems().size(), failure.render());
        assertTrue(failure.render().startsWith("content/secret.md: path escapes the project"), failure.render());
    }
}
