package dev.mcd.site.directive;

import dev.mcd.site.render.Checks;
import dev.mcd.site.engine.DerivationService;
import dev.mcd.site.render.Formulas;
import dev.mcd.site.Html;
import dev.mcd.site.load.ParsedPage;
import dev.mcd.site.Problems;
import dev.mcd.site.load.References;
import dev.mcd.site.load.SiteIndex;
import dev.mcd.site.directive.Directive.Value;
import dev.mcd.site.directive.Rendered.ExampleEntry;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a directive sees while it renders on one page: the site index (resolved before any page is
 * rendered), the engine, the page's formulas and ledger, and where its problems go.
 */
public final class RenderContext {
    private static final Pattern REF = Pattern.compile("\\[([^\\]]*)\\]\\((#(?:eq|fact|ex):[A-Za-z0-9-]+)\\)");

    private final ParsedPage page;
    private final SiteIndex index;
    private final References refs;
    private final DerivationService engine;
    private final Formulas math;
    private final Checks checks;
    private final Problems problems;

    public RenderContext(ParsedPage page, SiteIndex index, DerivationService engine, Formulas math, Checks checks,
                         Problems problems) {
        this.page = page;
        this.index = index;
        this.refs = new References(index, page);
        this.engine = engine;
        this.math = math;
        this.checks = checks;
        this.problems = problems;
    }

    public ParsedPage page() {
        return page;
    }

    public SiteIndex index() {
        return index;
    }

    public References refs() {
        return refs;
    }

    public DerivationService engine() {
        return engine;
    }

    public Formulas math() {
        return math;
    }

    public Checks checks() {
        return checks;
    }

    public void problem(int at, String message) {
        problems.add(page.file().problemAt(at, message));
    }

    /**
     * Opens the block's div anchored {@code ex:id} and returns its label, the permalink (an id the
     * index refused, e.g. used twice, was reported there: the block then renders without one).
     */
    String open(StringBuilder sb, String cls, Value id) {
        var ex = Optional.ofNullable(index.examples().get(id.text())).filter(e -> e.page() == page);
        sb.append("<div class=\"").append(cls).append('"');
        ex.ifPresent(e -> sb.append(" id=\"ex:").append(Html.escape(e.id())).append('"'));
        sb.append(">\n");
        return ex.map(e -> "<a class=\"example-label\" href=\"#ex:" + Html.escape(e.id()) + "\">" + Html.escape(e.label())
                + ".</a> ").orElse("");
    }

    /** The examples-index entry of block {@code id} when the index numbered it on this page. */
    Optional<ExampleEntry> example(Value id, String summaryHtml, String formula, String wrt) {
        return Optional.ofNullable(index.examples().get(id.text())).filter(e -> e.page() == page)
                .map(e -> new ExampleEntry(e.label(), e.id(), e.href(), summaryHtml, formula, wrt));
    }

    /**
     * One aligned line of a derivation: left side (or empty), "=", right side, why. Each side is a
     * sideways scroll container of last resort ({@code scroll-x}, marked focusable by mcd.js only
     * when a formula still overflows after wrapping).
     */
    static void step(StringBuilder sb, String lhs, String rhs, String why) {
        sb.append("<li class=\"step\"><span class=\"lhs scroll-x\">").append(lhs).append("</span><span class=\"rel\">=</span>")
                .append("<span class=\"rhs scroll-x\">").append(rhs).append("</span><span class=\"why\">").append(why)
                .append("</span></li>\n");
    }

    /** An author's text with {@code [](#eq:id)} references resolved, e.g. a chain line's justification. */
    String withReferences(Value text) {
        Matcher m = REF.matcher(text.text());
        var sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            sb.append(Html.escape(text.text().substring(last, m.start())));
            var t = refs.resolve(m.group(2));
            if (t.isEmpty()) {
                problem(text.offset() + m.start(2), refs.unknown(m.group(2)));
                sb.append(Html.escape(m.group()));
            } else {
                String shown = m.group(1).isEmpty() ? t.get().text() : m.group(1);
                sb.append(References.link(new References.Target(t.get().href(), shown)));
            }
            last = m.end();
        }
        return sb.append(Html.escape(text.text().substring(last))).toString();
    }
}
