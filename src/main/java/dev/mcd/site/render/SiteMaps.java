package dev.mcd.site.render;

import dev.mcd.site.Html;
import dev.mcd.web.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-read files: {@code search-index.json} (title, url, headings and plain text of each
 * page, math left out) and {@code sitemap.xml} (absolute URLs from {@code baseUrl}, sorted).
 */
public final class SiteMaps {
    private SiteMaps() {}

    /**
     * One search result: a page, a derivation ({@code page.html#ex:id}) or an identity
     * ({@code identities.html#eq:id}). {@code formulas} are compact lower-case forms the search
     * matches a formula query against, e.g. {@code tr(a*x*b)}, {@code eq18}, {@code (18)}.
     */
    public record Entry(String title, String url, List<String> headings, String text, List<String> formulas) {
        public Entry(String title, String url, List<String> headings, String text) {
            this(title, url, headings, text, List.of());
        }
    }

    /** The form a query is compared in: lower case, no spaces ("tr(A * X * B)" → "tr(a*x*b)"). */
    public static String compact(String formula) {
        return formula.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", "");
    }

    public static byte[] searchIndex(List<Entry> entries) {
        var list = new ArrayList<Map<String, Object>>();
        for (Entry e : entries) {
            var m = new LinkedHashMap<String, Object>();
            m.put("title", e.title());
            m.put("url", e.url());
            m.put("headings", e.headings());
            m.put("text", e.text());
            if (!e.formulas().isEmpty()) {
                m.put("formulas", e.formulas());
            }
            list.add(m);
        }
        return (Json.write(list) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] sitemap(String baseUrl, List<String> urls) {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        urls.stream().map(u -> u.equals("index.html") ? baseUrl : baseUrl + u).sorted()
                .forEach(u -> sb.append("  <url><loc>").append(Html.escape(u)).append("</loc></url>\n"));
        return sb.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
