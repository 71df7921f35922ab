package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Expr.*;
import dev.mcd.expr.Fn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simplifications a textbook makes to a read-off derivative, each a {@link Rule} citing a
 * catalogue fact, applied by {@link Strategy#exhaust} and shown as steps. Example:
 * -1/|x|^2 (1/|x|) x' → -x'/|x|^3 by {@code scalar-powers} (a^-2 a^-1 b = b/a^3).
 */
final class Textbook {
    private Textbook() {}

    /** In order: the first rule that changes the derivative makes the next step (Strategy.exhaust). */
    static final List<Rule> RULES = List.of(
            new Rule("matrix-powers", "matrix-powers", new Rule.Guard("adjacent powers of one matrix", Textbook::hasAdjacentPowers),
                    Textbook::mergeMatrixPowers),
            new Rule("abs-derivative", "abs-derivative", new Rule.Guard("abs'(u) beside u", Textbook::absBesideArgument),
                    Textbook::absOfArgument),
            new Rule("trace-of-scalar", "trace-of-scalar", new Rule.Guard("the trace of a scalar", e -> e instanceof Call c
                    && c.fn() == Fn.TR && Outline.of(c.arg()).scalar() && !Tree.hasDiff(c.arg())), e -> ((Call) e).arg()),
            new Rule("transpose-of-scalar", "transpose-of-scalar", new Rule.Guard("the transpose of a scalar", e -> e instanceof Transpose t
                    && Outline.of(t.arg()).scalar() && !Tree.hasDiff(t.arg())), e -> ((Transpose) e).arg()),
            new Rule("symmetric-transpose", "symmetric-transpose", new Rule.Guard("the transpose of a symmetric product", e -> e instanceof Transpose t
                    && !Tree.hasDiff(t.arg()) && Symmetry.isSymmetric(t.arg())), e -> ((Transpose) e).arg()),
            new Rule("hadamard-transpose", "hadamard-transpose", new Rule.Guard("a transposed Hadamard product with a transposed side",
                    e -> e instanceof Transpose t && t.arg() instanceof Hadamard h && (h.left() instanceof Transpose || h.right() instanceof Transpose)),
                    e -> {
                        Hadamard h = (Hadamard) ((Transpose) e).arg();
                        return new Hadamard(Tidy.apply(Ex.t(h.left())), Tidy.apply(Ex.t(h.right())));
                    }),
            new Rule("sigmoid-derivative", "sigmoid-derivative", new Rule.Guard("sigmoid' of a vector or scalar", e -> e instanceof Prime p
                    && p.fn() == Fn.SIGMOID && Outline.of(p.arg()).colsOne()), Textbook::sigmoidPrime),
            new Rule("diag-product", "diag-product", new Rule.Guard("adjacent diagonal matrices", Textbook::hasAdjacentDiags),
                    Textbook::mergeDiags),
            new Rule("diag-sum", "diag-sum", new Rule.Guard("a sum of diagonal matrices", e -> e instanceof Add a
                    && a.terms().stream().allMatch(t -> diagArg(t) != null)), Textbook::sumOfDiags),
            new Rule("elementwise-powers", "elementwise-powers", new Rule.Guard("element-wise powers of one base", Textbook::hasElementwisePowers),
                    Textbook::mergeElementwisePowers),
            new Rule("tangent-squared", "tangent-squared", new Rule.Guard("1 + sin(u)^2/cos(u)^2", e -> secantSquared(e) != null),
                    Textbook::secantSquared),
            new Rule("transpose-collect", "transpose-collect", new Rule.Guard("terms equal once transposes are pushed in", Textbook::collectsWhenPushed),
                    Textbook::pushWhereCollecting),
            new Rule("collect-terms", "collect-terms", new Rule.Guard("like terms", e -> e instanceof Add), e -> Collect.apply(e)),
            new Rule("common-factor", "common-factor", new Rule.Guard("two terms with a common first or last factor", e -> commonFactor(e) != null),
                    Textbook::commonFactor),
            new Rule("scalar-powers", "scalar-powers", new Rule.Guard("a reciprocal or two powers of one scalar", Textbook::hasScalarPowers),
                    Textbook::mergeScalarPowers),
            new Rule("fraction-coefficient", "fraction-coefficient", new Rule.Guard("a fraction p/q leading a product", e -> fractionOf(e) > 1),
                    Textbook::overDenominator));

    /** q when e is a product led by a simple fraction p/q (q at most 12), else 0. */
    private static int fractionOf(Expr e) {
        if (!(e instanceof Mul m) || !(m.factors().getFirst() instanceof Num n) || Tree.hasDiff(e)) {
            return 0;
        }
        double v = n.value();
        for (int q = 2; q <= 12; q++) {
            double p = Math.rint(v * q);
            if (p != 0 && Math.abs(p / q - v) <= 1e-12 * Math.max(1, Math.abs(v)) && v * 1 != Math.rint(v)) {
                return q;
            }
        }
        return 0;
    }

    /** (p/q) A = p A / q: the textbook's Σ⁻¹/2, not (1/2) Σ⁻¹. */
    private static Expr overDenominator(Expr e) {
        Mul m = (Mul) e;
        int q = fractionOf(e);
        double p = Math.rint(((Num) m.factors().getFirst()).value() * q);
        List<Expr> rest = new ArrayList<>(m.factors().subList(1, m.factors().size()));
        rest.addFirst(Ex.num(p));
        return new Div(Tidy.apply(Ex.mul(rest)), Ex.num(q));
    }

    // ---- matrix powers: X^a X^b = X^(a+b), with inv(X) = X^-1 -------------------------------

    private record Power(Expr base, double exponent) {}

    /** The factor as base^k with k an integer (inv(X^3) is X^-3), or null when it is no matrix power. */
    private static Power matrixPower(Expr f) {
        if (Tree.hasDiff(f) || Outline.of(f).scalar() || f instanceof Expr.Identity) {
            return null;
        }
        return switch (f) {
            case Inv i -> {
                Power inner = matrixPower(i.arg());
                yield inner == null ? new Power(i.arg(), -1) : new Power(inner.base(), -inner.exponent());
            }
            case Pow p when p.exponent() instanceof Num k && k.value() == Math.rint(k.value()) -> {
                Power inner = matrixPower(p.base());
                yield inner == null ? null : new Power(inner.base(), inner.exponent() * k.value());
            }
            default -> new Power(f, 1);
        };
    }

    private static Expr matrixPowerOf(Expr base, double k) {
        if (k == 0) {
            return new Expr.Identity();
        }
        Expr b = k < 0 ? new Inv(base) : base;
        return Math.abs(k) == 1 ? b : new Pow(b, Ex.num(Math.abs(k)));
    }

    private static boolean hasAdjacentPowers(Expr e) {
        if (!(e instanceof Mul m)) {
            return false;
        }
        for (int i = 0; i + 1 < m.factors().size(); i++) {
            Power a = matrixPower(m.factors().get(i));
            Power b = matrixPower(m.factors().get(i + 1));
            if (a != null && b != null && a.base().equals(b.base())) {
                return true;
            }
        }
        return false;
    }

    private static Expr mergeMatrixPowers(Expr e) {
        List<Expr> fs = new ArrayList<>(((Mul) e).factors());
        for (int i = 0; i + 1 < fs.size(); i++) {
            Power a = matrixPower(fs.get(i));
            Power b = matrixPower(fs.get(i + 1));
            if (a != null && b != null && a.base().equals(b.base())) {
                fs.set(i, matrixPowerOf(a.base(), a.exponent() + b.exponent()));
                fs.remove(i + 1);
                i = Math.max(-1, i - 2);
            }
        }
        return Ex.mul(fs);
    }

    // ---- |u|: abs'(u) u = |u| -------------------------------------------------------------

    private static boolean absBesideArgument(Expr e) {
        return e instanceof Mul m && m.factors().stream().anyMatch(f -> f instanceof Prime p && p.fn() == Fn.ABS
                && Outline.of(p.arg()).scalar() && m.factors().contains(p.arg()));
    }

    private static Expr absOfArgument(Expr e) {
        List<Expr> fs = new ArrayList<>(((Mul) e).factors());
        for (int i = 0; i < fs.size(); i++) {
            if (fs.get(i) instanceof Prime p && p.fn() == Fn.ABS && fs.contains(p.arg())) {
                fs.set(i, new Call(Fn.ABS, p.arg()));
                fs.remove(p.arg());
                break;
            }
        }
        return Ex.mul(fs);
    }

    // ---- scalar powers: a^j a^k = a^(j+k), and a negative power as a quotient -----------------

    /** Scalar factors of a product or quotient as base → exponent, the rest (in order) apart. */
    private record Monomial(Map<Expr, Double> powers, List<Expr> rest, boolean merged) {}

    private static Monomial monomial(Expr e) {
        Map<Expr, Double> powers = new LinkedHashMap<>();
        List<Expr> rest = new ArrayList<>();
        boolean[] merged = {false};
        collectScalar(e, 1, powers, rest, merged, true);
        return new Monomial(powers, rest, merged[0]);
    }

    /**
     * A nested product is opened only at the top or when all its factors are scalars: (x'y) A is
     * not x' y A, so a scalar group of matrices stays one base.
     */
    private static void collectScalar(Expr e, double sign, Map<Expr, Double> powers, List<Expr> rest, boolean[] merged, boolean top) {
        switch (e) {
            case Mul m when (top && sign > 0) || m.factors().stream().allMatch(f -> Outline.of(f).scalar()) -> {
                for (Expr f : m.factors()) {
                    collectScalar(f, sign, powers, rest, merged, false);
                }
            }
            case Div d when Outline.of(d.den()).scalar() && (top || Outline.of(d).scalar()) -> {
                collectScalar(d.num(), sign, powers, rest, merged, top);
                collectScalar(d.den(), -sign, powers, rest, merged, false);
            }
            case Num n when n.value() == 1 -> {}
            case Num n when sign < 0 -> add(powers, n, -1, merged); // a number in the denominator stays there
            case Pow p when p.exponent() instanceof Num k && Outline.of(p.base()).scalar() && !(p.base() instanceof Num) -> {
                add(powers, p.base(), sign * k.value(), merged);
            }
            default -> {
                if (Outline.of(e).scalar() && !(e instanceof Num) && !Tree.hasDiff(e)) {
                    add(powers, e, sign, merged);
                } else {
                    rest.add(e); // a matrix factor (the denominator of a Div is always a scalar)
                }
            }
        }
    }

    private static void add(Map<Expr, Double> powers, Expr base, double k, boolean[] merged) {
        if (powers.containsKey(base)) {
            merged[0] = true;
        }
        powers.merge(base, k, (a, b) -> exact(a + b));
    }

    /** Sums of exponents such as -2/3 + 1 stay the rational they are: 1/3, not 0.33333333333333326. */
    static double exact(double v) {
        for (int q = 1; q <= 12; q++) {
            double p = Math.rint(v * q);
            if (Math.abs(p / q - v) <= 1e-12 * Math.max(1, Math.abs(v))) {
                return p / q;
            }
        }
        return v;
    }

    private static boolean hasScalarPowers(Expr e) {
        if (!(e instanceof Mul || e instanceof Div) || Tree.hasDiff(e)) {
            return false;
        }
        Monomial m = monomial(e);
        return m.merged() || m.powers().values().stream().anyMatch(k -> k < 0 && !(e instanceof Div));
    }

    private static Expr mergeScalarPowers(Expr e) {
        Monomial m = monomial(e);
        List<Expr> up = new ArrayList<>();
        List<Expr> down = new ArrayList<>();
        m.powers().forEach((base, k) -> {
            if (k > 0) {
                up.add(k == 1 ? base : new Pow(base, Ex.num(k)));
            } else if (k < 0) {
                down.add(k == -1 ? base : new Pow(base, Ex.num(-k)));
            }
        });
        up.addAll(m.rest());
        Expr num = Ex.mul(up);
        return down.isEmpty() ? num : new Div(num, Ex.mul(down));
    }

    // ---- sigmoid' = sigmoid (1 - sigmoid) ------------------------------------------------

    private static Expr sigmoidPrime(Expr e) {
        Prime p = (Prime) e;
        Expr s = new Call(Fn.SIGMOID, p.arg());
        if (Outline.of(p.arg()).scalar()) {
            return Ex.mul(s, Ex.add(Ex.num(1), Ex.neg(s)));
        }
        return new Hadamard(s, Ex.add(new Ones(), Ex.neg(s)));
    }

    // ---- diagonal matrices ----------------------------------------------------------------

    /** The vector v of diag(v) (also under a minus sign, as -v), or null. */
    private static Expr diagArg(Expr e) {
        if (e instanceof Call c && c.fn() == Fn.DIAG && Outline.of(c.arg()).colsOne() && !Outline.of(c.arg()).scalar()) {
            return c.arg();
        }
        if (e instanceof Neg n) {
            Expr inner = diagArg(n.arg());
            return inner == null ? null : Ex.neg(inner);
        }
        return null;
    }

    private static boolean hasAdjacentDiags(Expr e) {
        if (!(e instanceof Mul m)) {
            return false;
        }
        for (int i = 0; i + 1 < m.factors().size(); i++) {
            if (diagArg(m.factors().get(i)) != null && diagArg(m.factors().get(i + 1)) != null) {
                return true;
            }
        }
        return false;
    }

    private static Expr mergeDiags(Expr e) {
        List<Expr> fs = new ArrayList<>(((Mul) e).factors());
        for (int i = 0; i + 1 < fs.size(); i++) {
            Expr a = diagArg(fs.get(i));
            Expr b = diagArg(fs.get(i + 1));
            if (a != null && b != null) {
                fs.set(i, new Call(Fn.DIAG, new Hadamard(a, b)));
                fs.remove(i + 1);
                i--;
            }
        }
        return Ex.mul(fs);
    }

    private static Expr sumOfDiags(Expr e) {
        return new Call(Fn.DIAG, Ex.add(((Add) e).terms().stream().map(Textbook::diagArg).toList()));
    }

    // ---- element-wise powers: x.^j .* x.^k = x.^(j+k), x ./ y = x .* y.^-1 ---------------------

    private static boolean isElementwise(Expr e) {
        return e instanceof Hadamard || e instanceof HadamardDiv;
    }

    private static void collectElementwise(Expr e, double sign, Map<Expr, Double> powers, int[] negs, boolean[] merged) {
        switch (e) {
            case Hadamard h -> {
                collectElementwise(h.left(), sign, powers, negs, merged);
                collectElementwise(h.right(), sign, powers, negs, merged);
            }
            case HadamardDiv h -> {
                collectElementwise(h.left(), sign, powers, negs, merged);
                collectElementwise(h.right(), -sign, powers, negs, merged);
            }
            case Neg n -> {
                negs[0]++;
                collectElementwise(n.arg(), sign, powers, negs, merged);
            }
            case Ones o -> {}
            case ElemPow p when p.exponent() instanceof Num k -> add(powers, p.base(), sign * k.value(), merged);
            default -> add(powers, e, sign, merged);
        }
    }

    private static boolean hasElementwisePowers(Expr e) {
        if (!isElementwise(e) || Tree.hasDiff(e) || !Outline.of(e).colsOne() || Outline.of(e).scalar()) {
            return false;
        }
        Map<Expr, Double> powers = new LinkedHashMap<>();
        boolean[] merged = {false};
        int[] negs = {0};
        collectElementwise(e, 1, powers, negs, merged);
        // also a reciprocal power: a .^-1 .* b .* -c is -(b .* c ./ a)
        return merged[0] || (e instanceof Hadamard && powers.values().stream().anyMatch(k -> k < 0));
    }

    private static Expr mergeElementwisePowers(Expr e) {
        Map<Expr, Double> powers = new LinkedHashMap<>();
        int[] negs = {0};
        collectElementwise(e, 1, powers, negs, new boolean[1]);
        Expr up = null;
        Expr down = null;
        for (Map.Entry<Expr, Double> p : powers.entrySet()) {
            double k = p.getValue();
            if (k == 0) {
                continue;
            }
            Expr f = Math.abs(k) == 1 ? p.getKey() : new ElemPow(p.getKey(), Ex.num(Math.abs(k)));
            if (k > 0) {
                up = up == null ? f : new Hadamard(up, f);
            } else {
                down = down == null ? f : new Hadamard(down, f);
            }
        }
        Expr out = up == null ? (down == null ? new Ones() : new HadamardDiv(new Ones(), down)) : down == null ? up : new HadamardDiv(up, down);
        return negs[0] % 2 == 1 ? Ex.neg(out) : out;
    }

    // ---- common factors: A B D + A C D = A (B + C) D ---------------------------------------

    /** The sum with its first pair of terms sharing scalars, coefficient and an outer factor merged, or null. */
    private static Expr commonFactor(Expr e) {
        if (!(e instanceof Add a) || Tree.hasDiff(a)) {
            return null;
        }
        List<Expr> terms = a.terms();
        for (int i = 0; i < terms.size(); i++) {
            for (int j = i + 1; j < terms.size(); j++) {
                Expr merged = factored(Product.of(terms.get(i)), Product.of(terms.get(j)));
                if (merged != null) {
                    List<Expr> out = new ArrayList<>(terms);
                    out.set(i, merged);
                    out.remove(j);
                    return Ex.add(out);
                }
            }
        }
        return null;
    }

    private static Expr factored(Product p, Product q) {
        if (!p.scalars().equals(q.scalars()) || Math.abs(p.coefficient()) != Math.abs(q.coefficient())) {
            return null;
        }
        List<Expr> x = p.chain();
        List<Expr> y = q.chain();
        int pre = 0;
        while (pre < x.size() && pre < y.size() && x.get(pre).equals(y.get(pre))) {
            pre++;
        }
        int suf = 0;
        while (suf < x.size() - pre && suf < y.size() - pre && x.get(x.size() - 1 - suf).equals(y.get(y.size() - 1 - suf))) {
            suf++;
        }
        if (pre + suf == 0 || pre + suf >= x.size() || pre + suf >= y.size()) {
            return null; // nothing in common, or one term would be left with no middle (A + A B is not A (I + B) here)
        }
        Expr mid1 = Ex.mul(x.subList(pre, x.size() - suf));
        Expr mid2 = Ex.mul(y.subList(pre, y.size() - suf));
        Expr sum = Ex.add(mid1, p.coefficient() == q.coefficient() ? mid2 : Ex.neg(mid2));
        List<Expr> out = new ArrayList<>();
        out.add(Ex.num(p.coefficient()));
        out.addAll(p.scalars());
        out.addAll(x.subList(0, pre));
        out.add(sum);
        out.addAll(x.subList(x.size() - suf, x.size()));
        return Ex.mul(out);
    }

    // ---- 1 + tan^2 = sec^2 -------------------------------------------------------------

    /** cos(u).^-2 for ones + sin(u).^2 ./ cos(u).^2, else null. */
    private static Expr secantSquared(Expr e) {
        if (!(e instanceof Add a) || a.terms().size() != 2 || !(a.terms().get(0) instanceof Ones)
                || !(a.terms().get(1) instanceof HadamardDiv q)) {
            return null;
        }
        if (q.left() instanceof ElemPow s && q.right() instanceof ElemPow c && s.exponent().equals(Ex.num(2)) && c.exponent().equals(Ex.num(2))
                && s.base() instanceof Call sin && sin.fn() == Fn.SIN && c.base() instanceof Call cos && cos.fn() == Fn.COS
                && sin.arg().equals(cos.arg())) {
            return new ElemPow(cos, Ex.num(-2));
        }
        return null;
    }

    // ---- transposes: (Ax)'B and x'A'B are one term -------------------------------------------

    /** The transposes of products pushed to the leaves: (A*x)' = x'*A'. */
    private static Expr pushDeep(Expr e) {
        return Tidy.apply(Tree.bottomUp(e, n -> n instanceof Transpose t && t.arg() instanceof Mul m && !Tree.hasDiff(m)
                ? Ex.mul(m.factors().reversed().stream().map(Ex::t).toList()) : n));
    }

    /** A' ∘ B' = (A ∘ B)': the transposes of a Hadamard product pulled out. */
    private static Expr pullHadamard(Expr e) {
        return Tidy.apply(Tree.bottomUp(e, n -> n instanceof Hadamard h && h.left() instanceof Transpose l && h.right() instanceof Transpose r
                && !Tree.hasDiff(h) ? Ex.t(new Hadamard(l.arg(), r.arg())) : n));
    }

    private static Expr body(Expr term) {
        Product p = Product.of(term);
        return new Product(1, p.scalars(), p.chain()).toExpr();
    }

    private static boolean collectsWhenPushed(Expr e) {
        return e instanceof Add a && !a.equals(pushWhereCollecting(a));
    }

    private static Expr pushWhereCollecting(Expr e) {
        List<Expr> terms = ((Add) e).terms();
        List<Expr> out = new ArrayList<>(terms);
        for (int i = 0; i < terms.size(); i++) {
            for (java.util.function.UnaryOperator<Expr> normal : List.<java.util.function.UnaryOperator<Expr>>of(Textbook::pushDeep, Textbook::pullHadamard)) {
                Expr pushed = normal.apply(terms.get(i));
                if (pushed.equals(terms.get(i))) {
                    continue;
                }
                for (int j = 0; j < terms.size(); j++) {
                    if (j != i && body(pushed).equals(body(out.get(j)))) {
                        out.set(i, pushed);
                        break;
                    }
                }
            }
        }
        return Ex.add(out);
    }
}
