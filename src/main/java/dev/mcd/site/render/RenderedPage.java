package dev.mcd.site.render;

import dev.mcd.site.Problem;
import dev.mcd.site.directive.Rendered.ExampleEntry;
import dev.mcd.site.load.ParsedPage;
import java.util.List;

/**
 * A content page rendered to its HTML body, with what the layout and the search index need:
 * the in-page table of contents (h2/h3), heading texts, the plain text without math, and the
 * ledger of what the page's statements were checked against.
 */
public record RenderedPage(ParsedPage page, String html, List<TocEntry> toc, List<String> headings, String plainText,
                           List<ExampleEntry> examples, Checks checks, List<Problem> problems) {
    public RenderedPage {
        toc = List.copyOf(toc);
        headings = List.copyOf(headings);
        examples = List.copyOf(examples);
        problems = List.copyOf(problems);
    }

    /** One table-of-contents line: heading level 2 or 3, its anchor and its HTML (math rendered). */
    public record TocEntry(int level, String id, String html) {}
}
