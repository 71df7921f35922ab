package dev.mcd.site;

import java.util.List;

/**
 * A content page rendered to its HTML body, with what the layout and the search index need:
 * the in-page table of contents (h2/h3), heading texts and the plain text without math.
 */
public record RenderedPage(ParsedPage page, String html, List<TocEntry> toc, List<String> headings, String plainText,
                           List<DirectiveHtml.ExampleEntry> examples) {
    public RenderedPage {
        toc = List.copyOf(toc);
        headings = List.copyOf(headings);
        examples = List.copyOf(examples);
    }

    /** One table-of-contents line: heading level 2 or 3, its anchor and its HTML (math rendered). */
    public record TocEntry(int level, String id, String html) {}
}
