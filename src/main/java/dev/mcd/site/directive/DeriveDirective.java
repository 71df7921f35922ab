package dev.mcd.site.directive;

import dev.mcd.expr.Pos;
import dev.mcd.site.render.Checks;
import dev.mcd.site.render.DerivePage;
import dev.mcd.site.engine.DerivationException;
import dev.mcd.site.engine.DerivationService.DeriveRequest;
import dev.mcd.site.engine.DerivationService.RenderedDerivation;
import dev.mcd.site.engine.DerivationService.ShownStep;
import dev.mcd.site.Html;
import dev.mcd.site.directive.Directive.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ```derive} with {@code expr: x'*x} and {@code wrt: x}: the engine's derivation, one rule a
 * step, each step's justification linked to the identity it cites ("product rule, eq. (10)"), the
 * result read off with its identity and a "verified" badge whose tooltip says what was checked.
 */
public final class DeriveDirective implements DirectiveKind<DeriveDirective.Derive> {

    /** {@code title} (optional) names the example after its number: "Example 5: output weights". */
    public record Derive(int offset, Value id, Value expr, Value wrt, Optional<Value> where,
                         Optional<Value> expect, Optional<Value> title, Optional<Value> layouts,
                         Optional<Value> names, Optional<Value> autoNames) implements Directive {}

    @Override
    public String name() {
        return "derive";
    }

    @Override
    public Optional<Derive> parse(Body body) {
        int at = body.offset();
        return body.keys(List.of("expr", "wrt", "id", "where?", "expect?", "title?", "layouts?", "names?", "auto-names?"))
                .map(k -> new Derive(at, k.get("id"), k.get("expr"), k.get("wrt"),
                        Optional.ofNullable(k.get("where")), Optional.ofNullable(k.get("expect")),
                        Optional.ofNullable(k.get("title")), Optional.ofNullable(k.get("layouts")),
                        Optional.ofNullable(k.get("names")), Optional.ofNullable(k.get("auto-names"))));
    }

    @Override
    public Optional<Numbered> numbered(Derive d) {
        return Optional.of(new Numbered(d.id(), d.title()));
    }

    @Override
    public Optional<Value> valueOf(Derive d, DerivationException e) {
        return switch (e.key()) {
            case "expr" -> Optional.of(d.expr());
            case "wrt" -> Optional.of(d.wrt());
            case "where" -> d.where();
            case "expect" -> d.expect();
            case "names" -> d.names();
            case "auto-names" -> d.autoNames();
            default -> Optional.empty();
        };
    }

    @Override
    public Rendered render(Derive d, RenderContext c) throws DerivationException {
        var r = c.engine().derive(new DeriveRequest(d.expr().text(), d.wrt().text(),
                d.where().map(Value::text).orElse(""), d.expect().map(Value::text).orElse(""),
                d.names().map(Value::text).orElse(""), autoNames(d)));
        var math = c.math();
        var sb = new StringBuilder();
        String label = c.open(sb, "derivation", d.id());
        String f = math.generated(r.functionTex(), false, d.offset());
        String v = math.generated(r.wrtTex(), false, d.offset());
        sb.append("<p class=\"derivation-goal\">").append(label).append("Differentiate ")
                .append(math.generated("f = " + r.functionTex(), false, d.offset()))
                .append(" with respect to ").append(v).append(".</p>\n");
        sb.append("<ol class=\"steps\">\n");
        // "df = d(...)" first, as a textbook writes it: the left column then holds a short "df" and
        // every right side gets the width a long function would otherwise take from all the rows.
        RenderContext.step(sb, math.generated("\\mathrm{d}f", false, d.offset()),
                math.generated("\\displaystyle " + r.startTex(), false, d.offset()), "");
        for (ShownStep s : r.steps()) {
            RenderContext.step(sb, "", math.generated("\\displaystyle " + s.tex(), false, d.offset()), why(s, c));
        }
        // Inline maths in display style: unlike a KaTeX display, it wraps at "=", "+" and factor
        // boundaries when the box is narrow, and the label beside it moves underneath (CSS flex-wrap).
        sb.append("</ol>\n<div class=\"result\" data-command=\"").append(Html.escape(command(d)))
                .append("\" data-text=\"").append(Html.escape(r.resultText()))
                // one line: the page's HTML loses the indentation at the start of a line, Python's syntax
                .append("\" data-numpy=\"").append(Html.escape(r.numpy()).replace("\n", "&#10;")).append("\">")
                .append("<div class=\"result-math scroll-x\">")
                .append(math.generated("\\displaystyle " + r.derivativeTex() + " = " + r.resultTex(), false, d.offset()))
                .append("</div><p class=\"read-off\">read off with ").append(c.refs().equation(r.readOffEquation())).append("</p>")
                .append(c.checks().checked(Checks.Kind.DERIVATION, "derivative of " + d.expr().text() + " by " + d.wrt().text(),
                        r.verification(), d.offset(), 1))
                .append("<a class=\"derive-own\" href=\"").append(Html.escape(deriveLink(d))).append("\">Derive your own</a>")
                .append("</div>\n");
        if (d.layouts().isPresent()) {
            layouts(sb, d, r, c);
        }
        sb.append("</div>\n");
        return new Rendered(sb.toString(), c.example(d.id(), f + " with respect to " + v, d.expr().text().strip(),
                d.wrt().text().strip()));
    }

    /** {@code auto-names: no} keeps only the author's names; yes (the default) adds names for recurring subexpressions. */
    private static boolean autoNames(Derive d) throws DerivationException {
        if (d.autoNames().isEmpty()) {
            return true;
        }
        String v = d.autoNames().get().text().strip();
        return switch (v) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new DerivationException("auto-names", 0, new Pos(1, 1), "expected yes or no, not '" + v + "'");
        };
    }

    /**
     * The same derivation on the command line, for the page's "Copy command" button, e.g.
     * {@code ./mcd derive "x'*A*x" --wrt x --where 'A: matrix'}: single quotes unless the text has a
     * transpose, then double quotes (the language has no $, ` or \ that a shell would expand).
     */
    private static String command(Derive d) {
        String cmd = "./mcd derive " + quote(d.expr().text().strip()) + " --wrt " + d.wrt().text().strip();
        String where = d.where().map(Value::text).orElse("").strip();
        return where.isEmpty() ? cmd : cmd + " --where " + quote(where);
    }

    /**
     * The block on derive.html, to change and derive again in the browser, e.g.
     * {@code derive.html?expr=x%27*x&wrt=x&where=x%3A+vector} (every page that holds derivations
     * sits beside derive.html).
     */
    static String deriveLink(Derive d) {
        String link = DerivePage.PAGE + "?expr=" + query(d.expr().text()) + "&wrt=" + query(d.wrt().text());
        String where = d.where().map(Value::text).orElse("").strip();
        return where.isEmpty() ? link : link + "&where=" + query(where);
    }

    private static String query(String s) {
        return java.net.URLEncoder.encode(s.strip(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return s.contains("'") ? "\"" + s + "\"" : "'" + s + "'";
    }

    /** {@code layouts: yes}: the result as the three conventions write it, computed from the engine's. */
    private static void layouts(StringBuilder sb, Derive d, RenderedDerivation r, RenderContext c) {
        String v = d.layouts().get().text();
        if (!v.equals("yes") && !v.equals("true")) {
            c.problem(d.layouts().get().offset(), "layouts takes 'yes' or 'true', not '" + v + "'");
            return;
        }
        var l = r.layouts();
        var math = c.math();
        sb.append("<table class=\"layouts\"><thead><tr><th>numerator layout (this site)</th><th>denominator layout</th>")
                .append("<th>mixed layout</th></tr></thead><tbody><tr><td>")
                .append(math.generated(l.numeratorTex(), false, d.offset())).append("</td><td>")
                .append(math.generated(l.denominatorTex(), false, d.offset())).append("</td><td>")
                .append(math.generated(l.mixedTex(), false, d.offset())).append("</td></tr></tbody></table>\n");
    }

    private static String why(ShownStep s, RenderContext c) {
        var parts = new ArrayList<String>();
        s.equations().forEach(n -> parts.add(c.refs().equation(n)));
        s.facts().forEach(f -> parts.add(c.refs().fact(f)));
        String just = Html.escape(s.justification());
        return parts.isEmpty() ? just : just + (just.isEmpty() ? "" : ", ") + "by " + String.join(", ", parts);
    }
}
