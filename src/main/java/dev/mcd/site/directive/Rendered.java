package dev.mcd.site.directive;

import java.util.Optional;

/**
 * What a directive block renders to: its HTML and, for a numbered example, the entry that the
 * examples index and the search list ({@code Example 2}, {@code tr(A*X*B)} by {@code X}).
 */
public record Rendered(String html, Optional<ExampleEntry> example) {
    /** A block that is not an example. */
    public static Rendered of(String html) {
        return new Rendered(html, Optional.empty());
    }

    /**
     * A numbered block for the examples index and the search: {@code formula} is what the author
     * wrote in the expression language (e.g. {@code tr(A*X*B)} by {@code X}), "" for a chain.
     */
    public record ExampleEntry(String label, String id, String href, String summaryHtml, String formula, String wrt) {}
}
