package dev.mcd.site.render;

import dev.mcd.site.Html;
import dev.mcd.site.engine.DerivationService.IdentityView;
import dev.mcd.site.load.References;
import dev.mcd.site.load.SiteIndex;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A catalogue group as a numbered table: "(10) product rule d(XY) = d(X)Y + X d(Y)". On the
 * reference page ({@code anchored}) each row carries its anchor {@code eq:product-rule};
 * elsewhere the number links there.
 */
public final class IdentityTable {
    static final Map<String, String> GROUP_TITLES = Map.of(
            "read-off", "Reading off the derivative",
            "rules", "Rules for differentials",
            "chain", "Chain rules",
            "total", "Total differentials",
            "beyond", "Beyond the tutorial",
            "facts", "Helper facts");

    private IdentityTable() {}

    static String title(String group) {
        return GROUP_TITLES.getOrDefault(group, group);
    }

    /** The badge of a checked entry, or the "not machine-checked" mark of one stated as a definition. */
    public static String mark(IdentityView v, Checks checks, int offset) {
        String what = (v.number() > 0 ? "eq. (" + v.number() + ") " : "") + v.name();
        return v.checked() ? checks.checked(Checks.Kind.IDENTITY, what, v.verification(), offset, 1)
                : checks.marked(Checks.Kind.IDENTITY, what, v.verification(), offset);
    }

    public static String table(SiteIndex index, String group, boolean anchored, BiFunction<String, Boolean, String> math,
                        Checks checks, int offset) {
        var refs = new References(index, null);
        var sb = new StringBuilder("<table class=\"identities\" data-group=\"").append(Html.escape(group))
                .append("\">\n<thead><tr><th>No.</th><th>Name</th><th>Identity</th><th>Check</th></tr></thead>\n<tbody>\n");
        for (IdentityView v : index.identities().values()) {
            if (!v.group().equals(group)) {
                continue;
            }
            String number = v.number() > 0 ? "(" + v.number() + ")" : "–";
            sb.append("<tr");
            if (anchored) {
                sb.append(" id=\"").append(Html.escape(v.anchor())).append('"');
            }
            sb.append("><td class=\"eq-number\">");
            sb.append(anchored ? "<a href=\"#" + Html.escape(v.anchor()) + "\">" + number + "</a>"
                    : "<a href=\"" + Html.escape(refs.target(v).href()) + "\">" + number + "</a>");
            sb.append("</td><td>").append(Html.escape(v.name())).append("</td><td>")
                    .append(math.apply(v.statementTex(), false)).append("</td><td>")
                    .append(mark(v, checks, offset)).append("</td></tr>\n");
        }
        return sb.append("</tbody>\n</table>\n").toString();
    }
}
