package dev.mcd.site.render;

import java.util.List;

/**
 * What a template sees, e.g. {@code ${page.title}} or {@code <#list nav as n>}: FreeMarker reads
 * record components as properties. {@code root} prefixes every site-relative link ("" except on
 * 404.html); {@code prev} and {@code next} are null at either end of the reading order;
 * {@code engine} names the browser engine's file on derive.html and is "" elsewhere.
 */
public record PageModel(Site site, String root, List<NavLink> nav, List<NavLink> navIndexes, List<String> styles,
                        List<String> scripts, String searchIndex, Page page, Link prev, Link next, String engine) {

    /** The project's settings a page shows. */
    public record Site(String title, String baseUrl, String repoUrl) {}

    /** One entry of the sidebar; {@code current} marks the page being written. */
    public record NavLink(String title, String url, boolean current) {}

    /** The previous or next chapter. */
    public record Link(String title, String url) {}

    /** The page itself: {@code kind} is home, content, generated or 404; {@code content} its HTML body. */
    public record Page(String title, String description, String url, String canonical, String kind, boolean home,
                       String source, String editUrl, String content, List<RenderedPage.TocEntry> toc) {}

    /** The same page with the browser engine's file named (derive.html). */
    public PageModel withEngine(String file) {
        return new PageModel(site, root, nav, navIndexes, styles, scripts, searchIndex, page, prev, next, file);
    }
}
