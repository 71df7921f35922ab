package dev.mcd.site.render;

import static dev.mcd.site.SiteBuilder.map;

import dev.mcd.site.SiteConfig;
import dev.mcd.site.load.ParsedPage;
import dev.mcd.site.load.SiteIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The FreeMarker model of a page: {@code site}, {@code page} (title, content, toc, editUrl),
 * {@code nav} (chapters in reading order), {@code navIndexes} (the generated reference pages), {@code prev}/{@code next}, {@code styles},
 * {@code scripts} and {@code root} (the prefix of every site-relative link).
 */
public final class Layout {
    public record Assets(List<String> styles, List<String> scripts) {}

    private final SiteConfig config;
    private final SiteIndex index;
    private final Assets assets;

    public Layout(SiteConfig config, SiteIndex index, Assets assets) {
        this.config = config;
        this.index = index;
        this.assets = assets;
    }

    public Map<String, Object> content(RenderedPage r, ParsedPage prev, ParsedPage next) {
        var p = r.page();
        var model = base(p.outName(), "");
        model.put("page", map("title", p.frontMatter().title(), "description", description(p.frontMatter().description(),
                p.frontMatter().title()), "url", p.outName(), "canonical", config.pageUrl(p.outName()), "kind", p.isHome() ? "home" : "content", "home", p.isHome(),
                "source", p.file().path(), "editUrl", config.editUrl(p.file().path()), "content", r.html(),
                "toc", r.toc().stream().map(t -> map("level", t.level(), "id", t.id(), "html", t.html())).toList()));
        if (prev != null) {
            model.put("prev", map("title", prev.frontMatter().title(), "url", prev.outName()));
        }
        if (next != null) {
            model.put("next", map("title", next.frontMatter().title(), "url", next.outName()));
        }
        return model;
    }

    public Map<String, Object> generated(String title, String description, String url, String html,
                                  List<RenderedPage.TocEntry> toc) {
        var model = base(url, "");
        model.put("page", map("title", title, "description", description, "url", url, "canonical", config.pageUrl(url),
                "kind", "generated", "home", false,
                "source", "", "editUrl", "", "content", html,
                "toc", toc.stream().map(t -> map("level", t.level(), "id", t.id(), "html", t.html())).toList()));
        return model;
    }

    /**
     * The 404 page is served at any depth of any address, so its links start from the site's path
     * ("/mcd/") rather than from the page: they resolve on every host that serves the site there.
     */
    public Map<String, Object> notFound() {
        var model = base("404.html", config.sitePath());
        model.put("page", map("title", "Page not found", "description", "There is no page at this address.",
                "url", "404.html", "canonical", "", "kind", "404",
                "home", false, "source", "", "editUrl", "", "content", "", "toc", List.of()));
        return model;
    }

    /** Search results and link previews show the description; a page without one gets a sentence from its title. */
    private String description(String own, String title) {
        return own == null || own.isBlank() ? title + ", from " + config.title() + "." : own;
    }

    private Map<String, Object> base(String current, String root) {
        var nav = new ArrayList<Map<String, Object>>();
        for (ParsedPage p : index.pages()) {
            nav.add(map("title", p.frontMatter().title(), "url", p.outName(), "current", p.outName().equals(current)));
        }
        // The generated reference pages form their own group after the chapters.
        var indexes = new ArrayList<Map<String, Object>>();
        for (String[] g : new String[][] {{SiteIndex.IDENTITIES_TITLE, SiteIndex.IDENTITIES_PAGE},
                {SiteIndex.EXAMPLES_TITLE, SiteIndex.EXAMPLES_PAGE}}) {
            indexes.add(map("title", g[0], "url", g[1], "current", g[1].equals(current)));
        }
        return map("site", map("title", config.title(), "baseUrl", config.baseUrl(), "repoUrl", config.repoUrl()),
                "root", root, "nav", nav, "navIndexes", indexes, "styles", assets.styles(), "scripts", assets.scripts(),
                "searchIndex", "search-index.json");
    }
}
