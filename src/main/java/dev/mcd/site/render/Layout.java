package dev.mcd.site.render;

import dev.mcd.site.SiteConfig;
import dev.mcd.site.load.ParsedPage;
import dev.mcd.site.load.SiteIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the {@link PageModel} of each page: the chapter or generated page itself, the sidebar
 * (chapters in reading order, then the generated reference pages), the neighbours, the assets.
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

    public PageModel content(RenderedPage r, ParsedPage prev, ParsedPage next) {
        var p = r.page();
        var fm = p.frontMatter();
        var page = new PageModel.Page(fm.title(), description(fm.description(), fm.title()), p.outName(),
                config.pageUrl(p.outName()), p.isHome() ? "home" : "content", p.isHome(), p.file().path(),
                config.editUrl(p.file().path()), r.html(), r.toc());
        return model(p.outName(), "", page, link(prev), link(next));
    }

    public PageModel generated(String title, String description, String url, String html, List<RenderedPage.TocEntry> toc) {
        var page = new PageModel.Page(title, description, url, config.pageUrl(url), "generated", false, "", "", html, toc);
        return model(url, "", page, null, null);
    }

    /**
     * The 404 page is served at any depth of any address, so its links start from the site's path
     * ("/mcd/") rather than from the page: they resolve on every host that serves the site there.
     */
    public PageModel notFound() {
        var page = new PageModel.Page("Page not found", "There is no page at this address.", "404.html", "", "404", false,
                "", "", "", List.of());
        return model("404.html", config.sitePath(), page, null, null);
    }

    private static PageModel.Link link(ParsedPage p) {
        return p == null ? null : new PageModel.Link(p.frontMatter().title(), p.outName());
    }

    /** Search results and link previews show the description; a page without one gets a sentence from its title. */
    private String description(String own, String title) {
        return own == null || own.isBlank() ? title + ", from " + config.title() + "." : own;
    }

    private PageModel model(String current, String root, PageModel.Page page, PageModel.Link prev, PageModel.Link next) {
        var nav = new ArrayList<PageModel.NavLink>();
        for (ParsedPage p : index.pages()) {
            nav.add(new PageModel.NavLink(p.frontMatter().title(), p.outName(), p.outName().equals(current)));
        }
        // The generated reference pages form their own group after the chapters.
        var indexes = new ArrayList<PageModel.NavLink>();
        for (String[] g : new String[][] {{SiteIndex.IDENTITIES_TITLE, SiteIndex.IDENTITIES_PAGE},
                {SiteIndex.EXAMPLES_TITLE, SiteIndex.EXAMPLES_PAGE}}) {
            indexes.add(new PageModel.NavLink(g[0], g[1], g[1].equals(current)));
        }
        return new PageModel(new PageModel.Site(config.title(), config.baseUrl(), config.repoUrl()), root, nav, indexes,
                assets.styles(), assets.scripts(), "search-index.json", page, prev, next, "");
    }
}
