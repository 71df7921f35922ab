package dev.mcd.site.render;

import dev.mcd.site.Html;
import dev.mcd.site.Problems;
import dev.mcd.site.SourceFile;
import dev.mcd.site.engine.DerivationService.IdentityView;
import dev.mcd.site.load.SiteIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated pages: the identity reference (every catalogue group as a numbered table, rows
 * anchored {@code eq:<id>}/{@code fact:<id>}) and the examples index (every block with an id).
 */
public final class SpecialPages {
    private final SiteIndex index;
    private final List<RenderedPage> pages;
    private final Formulas formulas;
    /** The identity reference page's own ledger: its table rows carry badges too. */
    public final Checks identityChecks = new Checks(SourceFile.of(SiteIndex.IDENTITIES_PAGE, ""));

    public SpecialPages(SiteIndex index, List<RenderedPage> pages, MathRenderer math, Problems problems) {
        this.index = index;
        this.pages = pages;
        this.formulas = new Formulas(math, SourceFile.of("(identity catalogue)", ""), problems);
    }

    public String identities() {
        var sb = new StringBuilder("<p>Every identity the derivations cite, numbered as in the text. Each one "
                + "marked verified was checked numerically at random points in this build; an entry stated as "
                + "a definition is marked as not machine-checked, with the reason.</p>\n");
        for (String g : index.groups()) {
            sb.append("<h2 id=\"group-").append(Html.escape(g)).append("\">").append(Html.escape(IdentityTable.title(g)))
                    .append("<a class=\"heading-anchor\" href=\"#group-").append(Html.escape(g))
                    .append("\" aria-label=\"Link to this section\">#</a></h2>\n");
            sb.append(IdentityTable.table(index, g, true, (tex, display) -> formulas.generated(tex, display, 0),
                    identityChecks, -1));
        }
        return sb.toString();
    }

    public List<RenderedPage.TocEntry> identitiesToc() {
        return index.groups().stream()
                .map(g -> new RenderedPage.TocEntry(2, "group-" + g, Html.escape(IdentityTable.title(g)))).toList();
    }

    public SiteMaps.Entry identitiesEntry() {
        var names = new ArrayList<String>();
        for (IdentityView v : index.identities().values()) {
            names.add(v.name());
        }
        return new SiteMaps.Entry(SiteIndex.IDENTITIES_TITLE, SiteIndex.IDENTITIES_PAGE,
                index.groups().stream().map(IdentityTable::title).toList(), String.join(". ", names));
    }

    /** One search result per identity, found by its name or its number ("eq. 18", "(18)"). */
    public List<SiteMaps.Entry> identityEntries() {
        var out = new ArrayList<SiteMaps.Entry>();
        for (IdentityView v : index.identities().values()) {
            String title = (v.number() > 0 ? "eq. (" + v.number() + ") " : "") + v.name();
            var formulas = new ArrayList<String>(v.number() > 0 ? List.of("eq" + v.number(), "eq." + v.number(), "(" + v.number() + ")") : List.of());
            // the statement in the expression language, so that a search for inv(X) finds eq. (16)
            dev.mcd.calculus.Catalogue.byId(v.id()).filter(i -> !i.statement().isEmpty())
                    .ifPresent(i -> formulas.add(SiteMaps.compact(i.statement())));
            out.add(new SiteMaps.Entry(title, SiteIndex.IDENTITIES_PAGE + "#" + v.anchor(), List.of(IdentityTable.title(v.group())),
                    v.name(), formulas));
        }
        return out;
    }

    public String examples() {
        var sb = new StringBuilder();
        for (RenderedPage r : pages) {
            if (r.examples().isEmpty()) {
                continue;
            }
            sb.append("<h2><a href=\"").append(Html.escape(r.page().outName())).append("\">")
                    .append(Html.escape(r.page().frontMatter().title())).append("</a></h2>\n");
            if (r.page().outName().startsWith("cookbook")) {
                // The Cookbook pages have their own index by equation number; listing their dozens of
                // derivations here too would push this page past the weight a phone can take.
                sb.append("<p>").append(r.examples().size()).append(" derivations, indexed by equation number on ")
                        .append("<a href=\"cookbook-conformance.html\">the Cookbook conformance page</a>.</p>\n");
                continue;
            }
            sb.append("<ul class=\"examples\">\n");
            for (var e : r.examples()) {
                sb.append("<li><a href=\"").append(Html.escape(e.href())).append("\">").append(Html.escape(e.label()))
                        .append("</a>: ").append(e.summaryHtml()).append("</li>\n");
            }
            sb.append("</ul>\n");
        }
        return sb.isEmpty() ? "<p>No examples yet.</p>\n" : sb.toString();
    }
}
