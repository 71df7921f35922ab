package dev.mcd.site.load;

import dev.mcd.site.Html;
import dev.mcd.site.engine.DerivationService.IdentityView;
import java.util.Optional;

/**
 * Resolves {@code #eq:product-rule} to "eq. (10)" on the identity page, {@code #fact:cyclic-trace}
 * to the fact's name and {@code #ex:example-2} to "Example 2" (plus "in <page title>" from another page); anything else is unknown.
 */
public final class References {
    public record Target(String href, String text) {}

    private final SiteIndex index;
    private final ParsedPage from;

    /** References as written on page {@code from} (null: no page): an example on another page names that page. */
    public References(SiteIndex index, ParsedPage from) {
        this.index = index;
        this.from = from;
    }

    /** The problem for an unknown reference: the nearest ids of this site, and the command listing them all. */
    public String unknown(String url) {
        return RefList.of(index).unknown(url);
    }

    public static boolean isReference(String url) {
        return url.startsWith("#eq:") || url.startsWith("#fact:") || url.startsWith("#ex:");
    }

    public Optional<Target> resolve(String url) {
        String anchor = url.substring(1);
        if (anchor.startsWith("ex:")) {
            var ex = index.examples().get(anchor.substring(3));
            // Examples are numbered per page, so "Example 2" alone would be ambiguous elsewhere.
            return Optional.ofNullable(ex).map(e -> new Target(e.href(),
                    e.page() == from ? e.label() : "Example " + e.number() + " in " + e.page().frontMatter().title()));
        }
        return Optional.ofNullable(index.identities().get(anchor)).map(this::target);
    }

    public Target target(IdentityView v) {
        String text = v.number() > 0 ? "eq. (" + v.number() + ")" : v.name();
        return new Target(SiteIndex.IDENTITIES_PAGE + "#" + v.anchor(), text);
    }

    /** {@code <a class="ref" href="identities.html#eq:product-rule">eq. (10)</a>}. */
    public static String link(Target t) {
        return "<a class=\"ref\" href=\"" + Html.escape(t.href()) + "\">" + Html.escape(t.text()) + "</a>";
    }

    /** A link to equation {@code number}, or plain "eq. (n)" when the catalogue lacks it. */
    public String equation(int number) {
        return index.equation(number).map(v -> link(target(v))).orElse("eq. (" + number + ")");
    }

    /** A link to a helper fact by id, or its id when the catalogue lacks it. */
    public String fact(String id) {
        var v = index.identities().get("fact:" + id);
        return v == null ? Html.escape(id) : link(target(v));
    }
}
