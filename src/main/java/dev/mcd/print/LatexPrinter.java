package dev.mcd.print;

import dev.mcd.expr.Chars;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Expr.Add;
import dev.mcd.expr.Expr.Apply;
import dev.mcd.expr.Expr.Call;
import dev.mcd.expr.Expr.Diff;
import dev.mcd.expr.Expr.Div;
import dev.mcd.expr.Expr.ElemPow;
import dev.mcd.expr.Expr.Grad;
import dev.mcd.expr.Expr.Hadamard;
import dev.mcd.expr.Expr.HadamardDiv;
import dev.mcd.expr.Expr.Identity;
import dev.mcd.expr.Expr.Inv;
import dev.mcd.expr.Expr.Kron;
import dev.mcd.expr.Expr.Mul;
import dev.mcd.expr.Expr.Neg;
import dev.mcd.expr.Expr.Num;
import dev.mcd.expr.Expr.Ones;
import dev.mcd.expr.Expr.Pow;
import dev.mcd.expr.Expr.Prime;
import dev.mcd.expr.Expr.Transpose;
import dev.mcd.expr.Expr.Unvec;
import dev.mcd.expr.Expr.Var;
import dev.mcd.expr.Expr.Zero;
import dev.mcd.expr.Fn;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints an expression as TeX in the tutorial's notation for KaTeX, e.g. {@code norm2(W*x + b)^2}
 * as {@code \|\mathbf{W}\mathbf{x}+\mathbf{b}\|_2^2} (the tutorial's notation).
 *
 * <p>Choices a reader of the output should know: parentheses appear only where precedence needs
 * them, with juxtaposition binding tighter than {@code \circ}, {@code \oslash} and {@code \otimes};
 * numbers in a product move to its front ({@code x'*2} prints {@code 2\mathbf{x}^\top}) since
 * they commute; {@code sum} prints {@code \mathrm{sum}(\cdot)}; the differential of a name inside
 * a product is parenthesised unless it is the last factor ({@code (\mathrm{d}\mathbf{X})\mathbf{Y}},
 * {@code \mathbf{X}\,\mathrm{d}\mathbf{Y}}, as eqs. 10 and 16 write it), while {@code \mathrm{d}(\ldots)}
 * and {@code \mathrm{d}|\mathbf{X}|} (eq. 18) are delimited already. The derivative
 * {@code l'(y)} prints {@code \frac{\partial l}{\partial \mathbf{y}}}: the denominator is the
 * argument's name when it is a variable, the function's name when it is an abstract function
 * such as {@code y(x)}, and otherwise the argument itself, parenthesised unless it is an atom.
 */
public final class LatexPrinter {
    private LatexPrinter() {}

    public static String print(Expr expr) {
        return Breaks.removed(tex(expr).text());
    }

    /**
     * The same TeX with {@code \allowbreak} at the factor boundaries of products, for maths set in
     * a column that may be narrower than the formula: KaTeX breaks an inline formula only after a
     * top-level binary operator or relation, so a long product would otherwise be one unbreakable
     * box (issue 10: "long products break at a factor boundary").
     */
    public static String breakable(Expr expr) {
        return Breaks.allowed(tex(expr).text());
    }

    /**
     * {@link #breakable}, knowing whether the expression is a scalar: the engine's zero carries no
     * shape, and a vanishing scalar differential or derivative reads as {@code 0}, not as the bold
     * zero matrix {@code \mathbf{0}} (issue 10, item 4).
     */
    public static String breakable(Expr expr, boolean scalar) {
        return scalar && expr instanceof Zero ? "0" : breakable(expr);
    }

    /** {@link #print}, knowing whether the expression is a scalar (see {@link #breakable(Expr, boolean)}). */
    public static String print(Expr expr, boolean scalar) {
        return scalar && expr instanceof Zero ? "0" : print(expr);
    }

    private static Tex tex(Expr e) {
        return switch (e) {
            case Var v -> Tex.atom(LatexNames.value(v.name(), v.kind()));
            case Num n -> number(n.value());
            case Identity i -> Tex.atom("\\mathbf{I}");
            case Zero z -> Tex.atom("\\mathbf{0}");
            case Ones o -> Tex.atom("\\mathbf{1}");
            case Add a -> sum(a.terms());
            case Mul m -> product(m);
            case Neg n -> negation(n.arg());
            case Div d -> new Tex("\\frac{" + tex(d.num()).text() + "}{" + tex(d.den()).text() + "}", Tex.PRODUCT);
            case Hadamard h -> elementwise(e, h.left(), "\\circ", h.right());
            case HadamardDiv h -> elementwise(e, h.left(), "\\oslash", h.right());
            case Kron k -> elementwise(e, k.left(), "\\otimes", k.right());
            case Unvec u -> Tex.atom("\\mathrm{unvec}" + Tex.paren(Breaks.removed(tex(u.arg()).text()) + ",\\, \\mathrm{"
                    + u.side().source() + "}" + Tex.paren(Breaks.removed(tex(u.like()).text()))));
            case Pow p -> superscript(p.base(), exponent(p.exponent()));
            case ElemPow p -> superscript(p.base(), "{\\circ " + exponent(p.exponent()) + "}");
            case Inv i -> superscript(i.arg(), "{-1}");
            case Transpose t -> superscript(t.arg(), "\\top");
            case Call c -> call(c.fn(), c.arg());
            case Prime p -> Tex.atom(primeSymbol(p.fn()) + argument(p.arg()));
            case Apply a -> Tex.atom(applySymbol(a) + "'".repeat(a.primes()) + argument(a.arg()));
            case Grad g -> gradient(g.of());
            case Diff d -> differential(d.arg());
        };
    }

    private static Tex number(double v) {
        String magnitude = LatexNumbers.display(Math.abs(v));
        if (v < 0) {
            return new Tex("-" + magnitude, Tex.NEG);
        }
        boolean plain = magnitude.chars().allMatch(c -> Chars.isDigit(c) || c == '.');
        return new Tex(magnitude, plain ? Tex.ATOM : Tex.PRODUCT);
    }

    /** Terms after the first carry their sign: {@code a + (-b)} prints {@code a-b}. */
    private static Tex sum(List<Expr> terms) {
        StringBuilder out = new StringBuilder();
        for (Expr term : terms) {
            // Nested sums need no parentheses: addition is associative.
            String t = tex(term).at(Tex.SUM);
            if (!out.isEmpty() && !t.startsWith("-")) {
                out.append('+');
            }
            out.append(t);
        }
        return new Tex(out.toString(), Tex.SUM);
    }

    private static Tex negation(Expr arg) {
        return new Tex(Tex.cat("-", tex(arg).at(Tex.ELEMENTWISE)), Tex.NEG);
    }

    private static Tex product(Mul m) {
        List<Expr> factors = new ArrayList<>();
        flatten(m, factors);
        // Numbers commute with everything: a coefficient reads best in front.
        List<Expr> ordered = new ArrayList<>(factors.stream().filter(f -> f instanceof Num).toList());
        factors.stream().filter(f -> !(f instanceof Num)).forEach(ordered::add);
        String out = "";
        for (int i = 0; i < ordered.size(); i++) {
            Expr f = ordered.get(i);
            boolean last = i == ordered.size() - 1;
            String t = factor(f, i == 0, last);
            if (i == 1 && ordered.getFirst() instanceof Num n && Math.abs(n.value()) == 1 && !t.startsWith("-")) {
                // A unit coefficient reads as a sign: -1*x prints -x, 1*x prints x.
                out = (n.value() < 0 ? "-" : "") + t;
                continue;
            }
            if (i > 0) {
                // No break after a coefficient: "2" alone at a line's end reads as a lost term.
                String mark = ordered.get(i - 1) instanceof Num ? "" : Breaks.MARK;
                out = Tex.cat(out, mark, separator(ordered.get(i - 1), f, t, last));
            }
            out = Tex.cat(out, t);
        }
        return new Tex(out, Tex.PRODUCT);
    }

    private static void flatten(Expr e, List<Expr> into) {
        if (e instanceof Mul m) {
            m.factors().forEach(f -> flatten(f, into));
        } else {
            into.add(e);
        }
    }

    private static String factor(Expr f, boolean first, boolean last) {
        Tex t = tex(f);
        if (f instanceof Diff d) {
            // d X Y would read as d(XY); d(X')Y and d|X| Y are already delimited.
            return last || !differentialOfName(d.arg()) ? t.text() : Tex.paren(t.text());
        }
        // A leading sign reads as the sign of the whole product, which it is: (-A)B = -(AB).
        boolean signFirst = first && t.prec() == Tex.NEG
                && (f instanceof Num || (f instanceof Neg n && tex(n.arg()).prec() >= Tex.PRODUCT));
        return signFirst ? t.text() : t.at(Tex.PRODUCT);
    }

    private static String separator(Expr left, Expr right, String rightTex, boolean last) {
        if (Chars.isDigit(rightTex.charAt(0))) {
            return "\\cdot ";
        }
        boolean word = (left instanceof Var l && LatexNames.isWord(l.name()))
                || (right instanceof Var r && LatexNames.isWord(r.name()));
        boolean operatorName = rightTex.startsWith("\\mathrm{");
        return word || operatorName || (right instanceof Diff && last) ? "\\," : "";
    }

    /** Same operators chain to the left ({@code a\circ b\circ c}); anything else is parenthesised. */
    private static Tex elementwise(Expr self, Expr left, String op, Expr right) {
        Tex l = tex(left);
        String leftText = l.prec() == Tex.ELEMENTWISE && left.getClass() != self.getClass()
                ? Tex.paren(l.text()) : l.at(Tex.ELEMENTWISE);
        return new Tex(Tex.cat(leftText, op, tex(right).at(Tex.PRODUCT)), Tex.ELEMENTWISE);
    }

    private static String exponent(Expr e) {
        if (e instanceof Num n) {
            String magnitude = LatexNumbers.inline(Math.abs(n.value()));
            return n.value() < 0 ? "-" + magnitude : magnitude;
        }
        return tex(e).text();
    }

    /** A superscript on a base that has none of its own: KaTeX rejects {@code x^\top^2}. */
    private static Tex superscript(Expr base, String sup) {
        String s = sup.length() == 1 || sup.equals("\\top") || sup.startsWith("{") ? sup : "{" + sup + "}";
        return new Tex(Tex.cat(tex(base).at(Tex.ATOM), "^", s), Tex.POSTFIX);
    }

    private static Tex call(Fn fn, Expr arg) {
        // A line may break inside tr(...), which often spans a whole step, but not inside the
        // short argument of a function such as sigma(W_1 x).
        Tex t = tex(arg);
        Tex a = fn == Fn.TR ? t : new Tex(Breaks.removed(t.text()), t.prec());
        return Tex.atom(switch (fn.family()) {
            case TRACE -> "\\mathrm{tr}" + Tex.paren(a.text());
            case DETERMINANT -> bars(arg, a.text(), "|");
            case ADJUGATE -> "\\mathrm{adj}" + Tex.paren(a.text());
            case ELEMENTWISE -> elementwise(fn.scalar().tex(), arg, a.text());
            case SUM -> "\\mathrm{sum}" + Tex.paren(a.text());
            case NORM2 -> bars(arg, a.text(), "\\|") + "_2";
            case FROBENIUS -> bars(arg, a.text(), "\\|") + "_F";
            case DIAG -> "\\mathrm{diag}" + Tex.paren(a.text());
            case VEC -> "\\mathrm{vec}" + Tex.paren(a.text());
        });
    }

    /**
     * An element-wise function's TeX from its table entry: bars ({@code |#|}) that stretch as
     * {@link #bars} says, a template with {@code #} for the argument ({@code \sqrt{#}}), or a command
     * applied to its argument ({@code \ln}).
     */
    private static String elementwise(String tex, Expr arg, String inner) {
        if (tex.equals("|#|")) {
            return bars(arg, inner, "|");
        }
        return tex.contains("#") ? tex.replace("#", inner) : tex + argument(arg);
    }

    /** {@code |\mathbf{X}|}; stretchy {@code \left|...\right|} around anything but a name. */
    private static String bars(Expr arg, String inner, String bar) {
        boolean simple = arg instanceof Var || arg instanceof Identity || arg instanceof Ones || arg instanceof Zero
                || (arg instanceof Num n && n.value() >= 0 && !inner.contains("\\frac"));
        boolean stretch = bar.equals("|") ? !simple : inner.contains("\\frac");
        return stretch ? "\\left" + bar + inner + "\\right" + bar : bar + inner + bar;
    }

    /** A function's argument: in parentheses, unless it is already delimited ({@code \ln|\mathbf{X}|}). */
    private static String argument(Expr arg) {
        if (delimited(arg)) {
            return Breaks.removed(tex(arg).text());
        }
        return Tex.paren(Breaks.removed(tex(arg).text()));
    }

    /** Whether the expression prints between bars, |X| or |x|, and so needs no parentheses of its own. */
    private static boolean delimited(Expr e) {
        return e instanceof Call c && (c.fn() == Fn.DET || c.fn().elementwise() && c.fn().scalar().tex().equals("|#|"));
    }

    private static String primeSymbol(Fn fn) {
        return fn.scalar().texPrime(); // Prime's constructor admits element-wise functions only
    }

    /** {@code \sigma} for an element-wise function; a value-like name ({@code \mathbf{y}}) otherwise. */
    private static String applySymbol(Apply a) {
        return a.elementwise() ? LatexNames.function(a.name()) : LatexNames.value(a.name(), a.kind());
    }

    private static Tex gradient(Apply f) {
        String denominator = switch (f.arg()) {
            case Var v -> LatexNames.value(v.name(), v.kind());
            case Apply inner when !inner.elementwise() -> applySymbol(inner);
            case Expr other -> tex(other).at(Tex.ATOM);
        };
        return new Tex("\\frac{" + Tex.cat("\\partial ", applySymbol(f)) + "}{"
                + Tex.cat("\\partial ", denominator) + "}", Tex.PRODUCT);
    }

    /** {@code \mathrm{d}\mathbf{X}}, {@code \mathrm{d}|\mathbf{X}|} (eq. 18), else {@code \mathrm{d}(\ldots)}. */
    private static Tex differential(Expr arg) {
        boolean bars = delimited(arg);
        boolean bare = differentialOfName(arg) || bars;
        return new Tex("\\mathrm{d}" + (bare ? tex(arg).text() : Tex.paren(tex(arg).text())), Tex.PRODUCT);
    }

    private static boolean differentialOfName(Expr arg) {
        return arg instanceof Var || arg instanceof Identity || arg instanceof Zero || arg instanceof Ones;
    }
}
