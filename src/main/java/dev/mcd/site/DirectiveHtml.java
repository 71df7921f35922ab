package dev.mcd.site;

import dev.mcd.site.DerivationService.CheckedChain;
import dev.mcd.site.DerivationService.ChainRequest;
import dev.mcd.site.DerivationService.DeriveRequest;
import dev.mcd.site.DerivationService.IdentityView;
import dev.mcd.site.DerivationService.RenderedDerivation;
import dev.mcd.site.DerivationService.ShownStep;
import dev.mcd.site.Directive.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage "expand": one directive in, its HTML out — a derivation with each step's justification
 * linked to the identity it cites ("product rule, eq. (10)") and a "verified" mark whose
 * tooltip says what was checked; engine errors become problems inside the block.
 */
final class DirectiveHtml {
    private static final Pattern REF = Pattern.compile("\\[([^\\]]*)\\]\\((#(?:eq|fact|ex):[A-Za-z0-9-]+)\\)");

    /**
     * A numbered block for the examples index and the search: {@code formula} is what the author
     * wrote in the expression language (e.g. {@code tr(A*X*B)} by {@code X}), "" for a chain.
     */
    record ExampleEntry(String label, String id, String href, String summaryHtml, String formula, String wrt) {}

    private final ParsedPage page;
    private final SiteIndex index;
    private final References refs;
    private final DerivationService engine;
    private final Formulas math;
    private final Problems problems;
    private final Checks checks;
    final List<ExampleEntry> examples = new ArrayList<>();

    DirectiveHtml(ParsedPage page, SiteIndex index, DerivationService engine, Formulas math, Checks checks,
                  Problems problems) {
        this.page = page;
        this.checks = checks;
        this.index = index;
        this.refs = new References(index, page);
        this.engine = engine;
        this.math = math;
        this.problems = problems;
    }

    String render(Directive d) {
        try {
            return switch (d) {
                case Directive.Derive x -> derive(x);
                case Directive.Steps x -> steps(x);
                case Directive.IdentityRef x -> identity(x);
                case Directive.IdentityGroup x -> group(x);
                case Directive.Unchecked x -> unchecked(x);
            };
        } catch (DerivationException e) {
            problems.add(page.file().problemAt(positionOf(d, e), e.reason()));
        } catch (RuntimeException e) {
            // An engine bug must not hide the other problems of the run; report it here.
            problems.add(page.file().problemAt(d.offset(), "internal error: " + e));
        }
        return "<div class=\"directive-error\"></div>";
    }

    /** {@code auto-names: no} keeps only the author's names; yes (the default) adds names for recurring subexpressions. */
    private static boolean autoNames(Directive.Derive d) throws DerivationException {
        if (d.autoNames().isEmpty()) {
            return true;
        }
        String v = d.autoNames().get().text().strip();
        return switch (v) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new DerivationException("auto-names", 0, new dev.mcd.expr.Pos(1, 1), "expected yes or no, not '" + v + "'");
        };
    }

    private String derive(Directive.Derive d) throws DerivationException {
        var r = engine.derive(new DeriveRequest(d.expr().text(), d.wrt().text(),
                d.where().map(Value::text).orElse(""), d.expect().map(Value::text).orElse(""),
                d.names().map(Value::text).orElse(""), autoNames(d)));
        var sb = new StringBuilder();
        String label = open(sb, "derivation", d.id());
        String f = math.generated(r.functionTex(), false, d.offset());
        String v = math.generated(r.wrtTex(), false, d.offset());
        sb.append("<p class=\"derivation-goal\">").append(label).append("Differentiate ")
                .append(math.generated("f = " + r.functionTex(), false, d.offset()))
                .append(" with respect to ").append(v).append(".</p>\n");
        sb.append("<ol class=\"steps\">\n");
        // "df = d(...)" first, as a textbook writes it: the left column then holds a short "df" and
        // every right side gets the width a long function would otherwise take from all the rows.
        step(sb, math.generated("\\mathrm{d}f", false, d.offset()),
                math.generated("\\displaystyle " + r.startTex(), false, d.offset()), "");
        for (ShownStep s : r.steps()) {
            step(sb, "", math.generated("\\displaystyle " + s.tex(), false, d.offset()), why(s));
        }
        // Inline maths in display style: unlike a KaTeX display, it wraps at "=", "+" and factor
        // boundaries when the box is narrow, and the label beside it moves underneath (CSS flex-wrap).
        sb.append("</ol>\n<div class=\"result\" data-command=\"").append(Html.escape(command(d)))
                .append("\" data-text=\"").append(Html.escape(r.resultText()))
                // one line: the page's HTML loses the indentation at the start of a line, Python's syntax
                .append("\" data-numpy=\"").append(Html.escape(r.numpy()).replace("\n", "&#10;")).append("\">")
                .append("<div class=\"result-math scroll-x\">")
                .append(math.generated("\\displaystyle " + r.derivativeTex() + " = " + r.resultTex(), false, d.offset()))
                .append("</div><p class=\"read-off\">read off with ").append(refs.equation(r.readOffEquation())).append("</p>")
                .append(checks.checked(Checks.Kind.DERIVATION, "derivative of " + d.expr().text() + " by " + d.wrt().text(),
                        r.verification(), d.offset(), 1))
                .append("<a class=\"derive-own\" href=\"").append(Html.escape(deriveLink(d))).append("\">Derive your own</a>")
                .append("</div>\n");
        if (d.layouts().isPresent()) {
            layouts(sb, d, r);
        }
        sb.append("</div>\n");
        d.id().ifPresent(id -> example(id, f + " with respect to " + v, d.expr().text().strip(), d.wrt().text().strip()));
        return sb.toString();
    }

    /**
     * The same derivation on the command line, for the page's "Copy command" button, e.g.
     * {@code ./mcd derive "x'*A*x" --wrt x --where 'A: matrix'}: single quotes unless the text has a
     * transpose, then double quotes (the language has no $, ` or \ that a shell would expand).
     */
    static String command(Directive.Derive d) {
        String cmd = "./mcd derive " + quote(d.expr().text().strip()) + " --wrt " + d.wrt().text().strip();
        String where = d.where().map(Value::text).orElse("").strip();
        return where.isEmpty() ? cmd : cmd + " --where " + quote(where);
    }

    /**
     * The block on derive.html, to change and derive again in the browser, e.g.
     * {@code derive.html?expr=x%27*x&wrt=x&where=x%3A+vector} (every page that holds derivations
     * sits beside derive.html).
     */
    static String deriveLink(Directive.Derive d) {
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
    private void layouts(StringBuilder sb, Directive.Derive d, RenderedDerivation r) {
        String v = d.layouts().get().text();
        if (!v.equals("yes") && !v.equals("true")) {
            problems.add(page.file().problemAt(d.layouts().get().offset(), "layouts takes 'yes' or 'true', not '" + v + "'"));
            return;
        }
        var l = r.layouts();
        sb.append("<table class=\"layouts\"><thead><tr><th>numerator layout (this site)</th><th>denominator layout</th>")
                .append("<th>mixed layout</th></tr></thead><tbody><tr><td>")
                .append(math.generated(l.numeratorTex(), false, d.offset())).append("</td><td>")
                .append(math.generated(l.denominatorTex(), false, d.offset())).append("</td><td>")
                .append(math.generated(l.mixedTex(), false, d.offset())).append("</td></tr></tbody></table>\n");
    }

    /**
     * One aligned line of a derivation: left side (or empty), "=", right side, why. Each side is a
     * sideways scroll container of last resort ({@code scroll-x}, marked focusable by mcd.js only
     * when a formula still overflows after wrapping).
     */
    private static void step(StringBuilder sb, String lhs, String rhs, String why) {
        sb.append("<li class=\"step\"><span class=\"lhs scroll-x\">").append(lhs).append("</span><span class=\"rel\">=</span>")
                .append("<span class=\"rhs scroll-x\">").append(rhs).append("</span><span class=\"why\">").append(why)
                .append("</span></li>\n");
    }

    private String steps(Directive.Steps d) throws DerivationException {
        var lines = d.lines().stream().map(l -> l.expr().text()).toList();
        CheckedChain c = engine.checkChain(new ChainRequest(d.where().map(Value::text).orElse(""), lines,
                d.fixed().map(Value::text).orElse("")));
        int links = (int) lines.stream().flatMapToInt(String::chars).filter(ch -> ch == '=').count();
        String what = "chain " + d.id().map(Value::text).orElse(lines.getFirst());
        String mark = links == 0
                ? checks.marked(Checks.Kind.CHAIN, what, "no equality to check: the chain has no '='", d.offset())
                : checks.checked(Checks.Kind.CHAIN, what, c.verification(), d.offset(), links);
        var sb = new StringBuilder();
        String label = open(sb, "derivation chain", d.id());
        sb.append("<p class=\"derivation-goal\">").append(label).append(mark).append("</p>\n");
        sb.append("<ol class=\"steps\">\n");
        String first = "";
        for (int i = 0; i < d.lines().size(); i++) {
            var line = d.lines().get(i);
            String tex = c.linesTex().get(i);
            int eq = tex.indexOf(" = ");
            String lhsTex = eq < 0 ? tex : tex.substring(0, eq);
            String rhsTex = eq < 0 ? "" : tex.substring(eq + 3);
            int at = line.expr().offset();
            String lhs = lhsTex.isBlank() ? "" : math.generated("\\displaystyle " + lhsTex, false, at);
            String rhs = rhsTex.isBlank() ? "" : math.generated("\\displaystyle " + rhsTex, false, at);
            first = i == 0 ? math.generated(tex, false, at) : first;
            if (rhsTex.isBlank()) {
                sb.append("<li class=\"step\"><span class=\"lhs scroll-x\">").append(lhs).append("</span><span class=\"rel\"></span><span class=\"rhs\"></span><span class=\"why\">")
                        .append(justification(line.justification())).append("</span></li>\n");
            } else {
                step(sb, lhs, rhs, justification(line.justification()));
            }
        }
        sb.append("</ol>\n</div>\n");
        String summary = first;
        d.id().ifPresent(id -> example(id, summary, "", ""));
        return sb.toString();
    }

    private String identity(Directive.IdentityRef d) {
        var v = index.identities().get("eq:" + d.id().text());
        v = v != null ? v : index.identities().get("fact:" + d.id().text());
        if (v == null) {
            problems.add(page.file().problemAt(d.id().offset(), "unknown identity '" + d.id().text() + "'"));
            return "";
        }
        String tex = v.statementTex() + (v.number() > 0 ? " \\tag{" + v.number() + "}" : "");
        return "<div class=\"identity\"><div class=\"identity-math\">" + math.generated(tex, true, d.offset())
                + "</div><div class=\"identity-name\">" + References.link(refs.target(v)) + " "
                + Html.escape(v.name()) + " " + IdentityTable.mark(v, checks, d.offset()) + "</div></div>\n";
    }

    /** A displayed statement the engine cannot check: the TeX as written, a visible mark and the reason. */
    private String unchecked(Directive.Unchecked d) {
        String what = d.tex().text().strip().replaceAll("\\s+", " ");
        String shown = math.authored(d.tex().text(), true, d.tex().offset());
        String mark = checks.marked(Checks.Kind.DISPLAY, what, shown, d.reason().text(), d.offset());
        return "<div class=\"unchecked-statement\">" + shown
                + "<p class=\"unchecked-reason\">" + mark + " " + Html.escape(d.reason().text()) + "</p></div>\n";
    }

    private String group(Directive.IdentityGroup d) {
        if (!index.groups().contains(d.group().text())) {
            problems.add(page.file().problemAt(d.group().offset(), "unknown identity group '" + d.group().text()
                    + "' (known: " + String.join(", ", index.groups()) + ")"));
            return "";
        }
        return IdentityTable.table(index, d.group().text(), false,
                (tex, display) -> math.generated(tex, display, d.offset()), checks, d.offset());
    }

    /** Opens the block's div (anchored {@code ex:id} when it has one) and returns its label. */
    private String open(StringBuilder sb, String cls, Optional<Value> id) {
        var ex = id.map(v -> index.examples().get(v.text())).filter(e -> e.page() == page);
        sb.append("<div class=\"").append(cls).append('"');
        ex.ifPresent(e -> sb.append(" id=\"ex:").append(Html.escape(e.id())).append('"'));
        sb.append(">\n");
        return ex.map(e -> "<a class=\"example-label\" href=\"#ex:" + Html.escape(e.id()) + "\">" + Html.escape(e.label())
                + ".</a> ").orElse("");
    }

    private void example(Value id, String summaryHtml, String formula, String wrt) {
        var e = index.examples().get(id.text());
        if (e != null && e.page() == page) {
            examples.add(new ExampleEntry(e.label(), e.id(), e.href(), summaryHtml, formula, wrt));
        }
    }

    private String why(ShownStep s) {
        var parts = new ArrayList<String>();
        s.equations().forEach(n -> parts.add(refs.equation(n)));
        s.facts().forEach(f -> parts.add(refs.fact(f)));
        String just = Html.escape(s.justification());
        return parts.isEmpty() ? just : just + (just.isEmpty() ? "" : ", ") + "by " + String.join(", ", parts);
    }

    /** An author's justification: text, with {@code [](#eq:id)} references resolved. */
    private String justification(Value why) {
        Matcher m = REF.matcher(why.text());
        var sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            sb.append(Html.escape(why.text().substring(last, m.start())));
            var t = refs.resolve(m.group(2));
            if (t.isEmpty()) {
                problems.add(page.file().problemAt(why.offset() + m.start(2), refs.unknown(m.group(2))));
                sb.append(Html.escape(m.group()));
            } else {
                String text = m.group(1).isEmpty() ? t.get().text() : m.group(1);
                sb.append(References.link(new References.Target(t.get().href(), text)));
            }
            last = m.end();
        }
        return sb.append(Html.escape(why.text().substring(last))).toString();
    }

    private int positionOf(Directive d, DerivationException e) {
        Optional<Value> v = switch (d) {
            case Directive.Derive x -> switch (e.key()) {
                case "expr" -> Optional.of(x.expr());
                case "wrt" -> Optional.of(x.wrt());
                case "where" -> x.where();
                case "expect" -> x.expect();
                case "names" -> x.names();
                case "auto-names" -> x.autoNames();
                default -> Optional.empty();
            };
            case Directive.Steps x -> switch (e.key()) {
                case "where" -> x.where();
                case "fixed" -> x.fixed();
                case "line" -> e.index() < x.lines().size() ? Optional.of(x.lines().get(e.index()).expr()) : Optional.empty();
                default -> Optional.empty();
            };
            case Directive.IdentityRef x -> Optional.of(x.id());
            case Directive.IdentityGroup x -> Optional.of(x.group());
            case Directive.Unchecked x -> Optional.of(x.reason());
        };
        return v.map(val -> val.offset() + Math.max(0, Math.min(val.text().length(), e.pos().column() - 1)))
                .orElse(d.offset());
    }
}
