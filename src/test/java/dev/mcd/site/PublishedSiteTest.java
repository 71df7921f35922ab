package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every page of the built site as a reader's browser and a link preview receive it: no placeholder
 * host, a favicon that exists, a description, OpenGraph and canonical tags on the published address,
 * at most 350 KB and 8,000 elements, a 404 page whose assets resolve at any depth, woff2 fonts only,
 * and every derivation (derive block or chain) anchored with a permalink.
 * Runs on site-output/ (or -Dmcd.browser.site); axe-core runs in {@code dev.mcd.browser.AccessibilityTest}.
 */
class PublishedSiteTest {
    static final int MAX_BYTES = 350 * 1024;
    static final int MAX_ELEMENTS = 8_000;
    private static final Pattern START_TAG = Pattern.compile("<[a-zA-Z][^>]*>");

    private Path site;
    private SiteConfig config;
    private List<Path> pages;

    @BeforeEach
    void load() throws IOException {
        Path root = Path.of(Optional.ofNullable(System.getenv("MCD_PROJECT_ROOT")).orElse(".")).toAbsolutePath();
        site = Optional.ofNullable(System.getProperty("mcd.browser.site")).map(Path::of).orElse(root.resolve("site-output"));
        Assumptions.assumeTrue(Files.isRegularFile(site.resolve("index.html")), "no built site at " + site);
        var problems = new Problems();
        config = SiteConfig.load(root, problems);
        assertTrue(problems.isEmpty(), problems.sorted().toString());
        try (Stream<Path> s = Files.list(site)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void theSiteIsConfiguredForARealAddress() {
        assertTrue(config.baseUrl().startsWith("https://"), "mcd.yaml sets baseUrl: " + config.baseUrl());
        assertTrue(SiteConfig.placeholderIn(config.baseUrl() + " " + config.repoUrl()).isEmpty());
    }

    @Test
    void noFileNamesAPlaceholderHost() throws IOException {
        var found = new ArrayList<String>();
        try (Stream<Path> s = Files.walk(site)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(html|xml|json|css|js)$")).toList()) {
                SiteConfig.placeholderIn(read(p)).ifPresent(h -> found.add(site.relativize(p) + ": " + h));
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void everyPageIsLightEnoughForAPhone() throws IOException {
        var heavy = new ArrayList<String>();
        for (Path p : pages) {
            long bytes = Files.size(p);
            long elements = START_TAG.matcher(read(p)).results().count();
            if (bytes > MAX_BYTES || elements > MAX_ELEMENTS) {
                heavy.add(p.getFileName() + ": " + bytes / 1024 + " KB, " + elements + " elements");
            }
        }
        assertEquals(List.of(), heavy, "limits: " + MAX_BYTES / 1024 + " KB and " + MAX_ELEMENTS + " elements a page");
    }

    @Test
    void everyPageHasAFaviconADescriptionAndLinkPreviewTags() throws IOException {
        var missing = new ArrayList<String>();
        for (Path p : pages) {
            String html = read(p);
            String name = p.getFileName().toString();
            String icon = attribute(html, "<link rel=\"icon\" href=\"([^\"]+)\"");
            if (icon == null || !Files.isRegularFile(local(name, icon))) {
                missing.add(name + ": favicon " + icon);
            }
            for (String tag : List.of("<meta name=\"description\" content=\"([^\"]+)\"",
                    "<meta property=\"og:title\" content=\"([^\"]+)\"", "<meta property=\"og:description\" content=\"([^\"]+)\"")) {
                if (attribute(html, tag) == null) {
                    missing.add(name + ": " + tag.substring(0, tag.indexOf(" content")));
                }
            }
            if (!name.equals("404.html")) {
                String expected = config.pageUrl(name);
                for (String tag : List.of("<link rel=\"canonical\" href=\"([^\"]+)\"", "<meta property=\"og:url\" content=\"([^\"]+)\"")) {
                    if (!expected.equals(attribute(html, tag))) {
                        missing.add(name + ": " + tag.substring(0, tag.indexOf(" href") < 0 ? tag.indexOf(" content") : tag.indexOf(" href"))
                                + " should be " + expected);
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theNotFoundPageLinksFromTheSitesPathSoItWorksAtAnyDepth() throws IOException {
        String html = read(site.resolve("404.html"));
        var broken = new ArrayList<String>();
        Matcher m = Pattern.compile("(?:href|src|data-index)=\"([^\"#]+)\"").matcher(html);
        int local = 0;
        while (m.find()) {
            String url = m.group(1);
            if (url.startsWith("https://") || url.startsWith("http://")) {
                continue;
            }
            local++;
            if (!url.startsWith(config.sitePath()) || !Files.isRegularFile(site.resolve(url.substring(config.sitePath().length())))) {
                broken.add(url);
            }
        }
        assertTrue(local >= 4, "the 404 page links its styles, script, search index and home page");
        assertEquals(List.of(), broken, "relative links would resolve against the missing address, not the site");
    }

    @Test
    void theSitemapListsEveryPageOnThePublishedAddress() throws IOException {
        String sitemap = read(site.resolve("sitemap.xml"));
        for (Path p : pages) {
            String name = p.getFileName().toString();
            if (!name.equals("404.html")) {
                assertTrue(sitemap.contains("<loc>" + config.pageUrl(name) + "</loc>"), name);
            }
        }
    }

    @Test
    void everyDerivationHasAnAnchorAndAPermalinkToIt() throws IOException {
        var bare = new ArrayList<String>();
        int derivations = 0;
        for (Path p : pages) {
            for (var block : org.jsoup.Jsoup.parse(read(p)).select("div.derivation")) {
                derivations++;
                String id = block.id();
                var permalink = block.selectFirst("a.example-label");
                if (!id.startsWith("ex:") || permalink == null || !permalink.attr("href").equals("#" + id)) {
                    String first = block.select("annotation").stream().findFirst().map(a -> a.text()).orElse(block.text());
                    bare.add(p.getFileName() + ": " + (id.isEmpty() ? "no id" : id) + " at " + first.substring(0, Math.min(60, first.length())));
                }
            }
        }
        assertTrue(derivations >= 100, "derive blocks and chains on the site: " + derivations);
        assertEquals(List.of(), bare, "a derivation without its own anchor and permalink");
    }

    @Test
    void katexFontsAreWoff2Only() throws IOException {
        try (Stream<Path> s = Files.list(site.resolve("katex/fonts"))) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".woff2")).toList());
        }
    }

    private Path local(String page, String url) {
        String rel = page.equals("404.html") && url.startsWith(config.sitePath()) ? url.substring(config.sitePath().length()) : url;
        return site.resolve(rel);
    }

    private static String attribute(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
