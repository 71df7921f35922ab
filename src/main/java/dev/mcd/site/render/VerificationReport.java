package dev.mcd.site.render;

import dev.mcd.site.Html;
import dev.mcd.site.Problem;
import dev.mcd.site.Problems;
import dev.mcd.site.SourceFile;
import dev.mcd.site.load.SiteIndex;
import dev.mcd.site.render.Checks.Entry;
import dev.mcd.site.render.Checks.Kind;
import dev.mcd.site.render.Checks.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated {@code verification.html}: per page, how many derivations, chains and identities
 * this build checked, and every statement it did not check, with its reason. It is the reader's
 * evidence for the home page's claim; {@link #audit} fails the build on a badge without a check.
 */
public final class VerificationReport {
    /** One page's ledger: its title, where it is, what it holds, and the HTML whose badges it answers for. */
    public record Ledger(String title, String href, Checks checks, String html) {}

    private final List<Ledger> ledgers;

    public VerificationReport(List<Ledger> ledgers) {
        this.ledgers = List.copyOf(ledgers);
    }

    private static String anchor(String outName) {
        return SiteIndex.reportAnchor(outName);
    }

    /**
     * Every badge of every page names a check that this build ran; each failure is a problem, at
     * the badge's place when an author typed it into the page as HTML.
     */
    public static void audit(List<Ledger> ledgers, Problems problems) {
        for (Ledger l : ledgers) {
            audit(l).forEach(problems::add);
        }
    }

    /** One page's part of {@link #audit(List, Problems)}: it reads that page's ledger, text and HTML only. */
    public static List<Problem> audit(Ledger l) {
        var out = new java.util.ArrayList<Problem>();
        SourceFile file = l.checks().file();
        var typed = java.util.regex.Pattern.compile("class\\s*=\\s*[\"']?(?:[^\"'>]*\\s)?verified(?=[\"'\\s>])").matcher(file.text());
        boolean located = false;
        while (typed.find()) {
            located = true;
            out.add(file.problemAt(typed.start(), "a \"verified\" badge typed by hand; only a check the "
                    + "build runs may show one (use a derive or steps block, or an unchecked block)"));
        }
        for (String p : l.checks().audit(l.html())) {
            if (!located) {
                out.add(Problem.ofFile(file.path().isEmpty() ? l.href() : file.path(), p));
            }
        }
        return out;
    }

    /** Totals over the site: checked statements, marked ones, and unmarked displayed equalities. */
    record Totals(int derivations, int chains, int chainEqualities, int identities, int marked, int unmarked) {
        int checked() {
            return derivations + chains + identities;
        }
    }

    Totals totals() {
        return totals(ledgers.stream().flatMap(l -> l.checks().entries().stream()).toList());
    }

    private static Totals totals(List<Entry> entries) {
        int d = 0;
        int c = 0;
        int ce = 0;
        int i = 0;
        int m = 0;
        int u = 0;
        for (Entry e : entries) {
            switch (e.status()) {
                case CHECKED -> {
                    switch (e.kind()) {
                        case DERIVATION -> d++;
                        case CHAIN -> {
                            c++;
                            ce += e.equalities();
                        }
                        case IDENTITY, DISPLAY -> i++;
                    }
                }
                case MARKED -> m++;
                case UNMARKED -> u++;
            }
        }
        return new Totals(d, c, ce, i, m, u);
    }

    public String html() {
        var sb = new StringBuilder();
        Totals all = totals();
        sb.append("<p>What this build checked, page by page. A <em>derivation</em> is a <code>derive</code> block: ")
                .append("every step, the read-off form and the result against finite differences, at random points. ")
                .append("A <em>chain</em> is a <code>steps</code> block: each equality in it at random points. An ")
                .append("<em>identity</em> is a catalogue entry shown with its statement, checked at random points. ")
                .append("Statements marked <em>not machine-checked</em> are definitions, problem statements, index ")
                .append("notation or steps that use a constraint the random points do not satisfy; each is listed ")
                .append("below with its reason. Formulas inside sentences are not counted: the build does not ")
                .append("check them.</p>\n");
        sb.append("<p class=\"verification-totals\">In total: ").append(all.derivations()).append(" derivations, ")
                .append(all.chains()).append(" chains (").append(all.chainEqualities()).append(" equalities) and ")
                .append(all.identities()).append(" identities checked; ").append(all.marked())
                .append(" statements marked as not machine-checked; ").append(all.unmarked())
                .append(" displayed equalities neither checked nor marked.</p>\n");
        sb.append("<table class=\"verification\">\n<thead><tr><th>page</th><th>derivations</th><th>chains (equalities)</th>")
                .append("<th>identities</th><th>not machine-checked</th><th>unmarked</th></tr></thead>\n<tbody>\n");
        for (Ledger l : ledgers) {
            Totals t = totals(l.checks().entries());
            sb.append("<tr><td><a href=\"").append(Html.escape(l.href())).append("\">").append(Html.escape(l.title()))
                    .append("</a></td><td>").append(t.derivations()).append("</td><td>").append(t.chains())
                    .append(" (").append(t.chainEqualities()).append(")</td><td>").append(t.identities())
                    .append("</td><td>").append(t.marked() == 0 ? "0" : "<a href=\"#" + anchor(l.href()) + "\">"
                            + t.marked() + "</a>")
                    .append("</td><td>").append(t.unmarked()).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        for (Ledger l : ledgers) {
            var open = l.checks().entries().stream().filter(e -> e.status() != Status.CHECKED).toList();
            if (open.isEmpty()) {
                continue;
            }
            sb.append("<h2 id=\"").append(anchor(l.href())).append("\"><a href=\"").append(Html.escape(l.href()))
                    .append("\">").append(Html.escape(l.title())).append("</a></h2>\n<ul class=\"unchecked-list\">\n");
            for (Entry e : open) {
                sb.append("<li>").append(e.status() == Status.UNMARKED ? "<strong>unmarked</strong> " : "")
                        .append(kindName(e.kind())).append(e.line() > 0 ? " (line " + e.line() + ")" : "").append(": ")
                        .append(statement(e)).append(" — ").append(Html.escape(e.detail())).append("</li>\n");
            }
            sb.append("</ul>\n");
        }
        return sb.toString();
    }

    public List<RenderedPage.TocEntry> toc() {
        var out = new ArrayList<RenderedPage.TocEntry>();
        for (Ledger l : ledgers) {
            if (l.checks().entries().stream().anyMatch(e -> e.status() != Status.CHECKED)) {
                out.add(new RenderedPage.TocEntry(2, anchor(l.href()), Html.escape(l.title())));
            }
        }
        return out;
    }

    private String statement(Entry e) {
        // Marked formulas were rendered (and any KaTeX error reported) on their page; reuse that.
        return !e.html().isEmpty() ? e.html()
                : e.kind() == Kind.DISPLAY ? "<code>" + Html.escape(e.what()) + "</code>" : Html.escape(e.what());
    }

    private static String kindName(Kind k) {
        return switch (k) {
            case DERIVATION -> "derivation";
            case CHAIN -> "chain";
            case IDENTITY -> "identity";
            case DISPLAY -> "displayed statement";
        };
    }
}
