package dev.mcd.calculus;

import static dev.mcd.calculus.DiffRule.fact;
import static dev.mcd.calculus.DiffRule.rule;
import static dev.mcd.calculus.Ex.add;
import static dev.mcd.calculus.Ex.d;
import static dev.mcd.calculus.Ex.mul;
import static dev.mcd.calculus.Ex.neg;
import static dev.mcd.calculus.Ex.num;
import static dev.mcd.calculus.Ex.t;
import static dev.mcd.calculus.Ex.tr;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Expr.*;
import dev.mcd.expr.Fn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The differential rules of the tutorial (identities 2, eqs. 7–19) and the chain rule through
 * abstract functions, one entry per rule; the first entry that fits {@code d(e)} is its rule.
 * Example: {@code product-rule} (eq. 10) turns d(x'*x) into d(x')*x + x'*d(x).
 */
final class DiffRules {
    private DiffRules() {}

    static final List<DiffRule> ALL = List.of(
            rule("constant", List.of(7), (e, v) -> Tree.dependsOn(e, v) ? Optional.empty() : Optional.of(new Zero())),
            rule("sum-rule", List.of(9), DiffRules::sum),
            rule("scalar-multiple", List.of(8), DiffRules::negation),
            rule("linear-form", List.of(12), DiffRules::linearForm),
            rule("product-rule", List.of(10), (e, v) -> product(e, v, 2)),
            rule("product-chain", List.of(11), (e, v) -> product(e, v, Integer.MAX_VALUE)),
            rule("scalar-multiple", List.of(8), DiffRules::divisionByConstant),
            rule("quotient-rule", List.of(10, 16), DiffRules::quotient),
            rule("transpose-rule", List.of(15), (e, v) -> e instanceof Transpose x ? Optional.of(t(d(x.arg()))) : Optional.empty()),
            rule("inverse-rule", List.of(16), (e, v) -> e instanceof Inv x
                    ? Optional.of(neg(mul(e, d(x.arg()), e))) : Optional.empty()),
            rule("trace-rule", List.of(17), (e, v) -> call(e, Fn.TR).map(x -> tr(d(x)))),
            rule("determinant-rule", List.of(18), (e, v) -> call(e, Fn.DET)
                    .map(x -> mul(e, tr(mul(new Inv(x), d(x)))))),
            fact("adjugate", "adjugate", (e, v) -> call(e, Fn.ADJ)
                    .map(x -> d(mul(new Call(Fn.DET, x), new Inv(x))))),
            fact("norm-squared", "norm-squared", DiffRules::normSquared),
            fact("norm-differential", "norm-differential", DiffRules::norm),
            fact("sum-ones", "sum-ones", DiffRules::sumOfEntries),
            fact("linear-map", "linear-map", DiffRules::linearMap),
            rule("kronecker-rule", List.of(13), (e, v) -> e instanceof Kron k
                    ? Optional.of(add(part(k.left(), v, x -> new Kron(x, k.right())), part(k.right(), v, x -> new Kron(k.left(), x))))
                    : Optional.empty()),
            rule("hadamard-rule", List.of(14), (e, v) -> e instanceof Hadamard h
                    ? Optional.of(add(part(h.left(), v, x -> new Hadamard(x, h.right())), part(h.right(), v, x -> new Hadamard(h.left(), x))))
                    : Optional.empty()),
            rule("hadamard-quotient", List.of(14, 19), DiffRules::hadamardQuotient),
            fact("negative-power", "negative-power", DiffRules::negativePower),
            rule("matrix-power", List.of(11), DiffRules::matrixPower),
            fact("varying-exponent", "varying-exponent", DiffRules::varyingExponent),
            rule("elementwise-rule", List.of(19), DiffRules::elementwise),
            rule("chain-rule", List.of(2), DiffRules::chain)
    );

    /** The first rule that fits d(e), with its expansion. */
    static Optional<Match> match(Expr e, Var v) {
        for (DiffRule r : ALL) {
            Optional<Expr> out = r.apply(e, v);
            if (out.isPresent()) {
                return Optional.of(new Match(r, out.get()));
            }
        }
        return Optional.empty();
    }

    record Match(DiffRule rule, Expr expansion) {}

    private static Optional<Expr> call(Expr e, Fn fn) {
        return e instanceof Call c && c.fn() == fn ? Optional.of(c.arg()) : Optional.empty();
    }

    /** d(x) placed by build when x varies, nothing (eq. 7) when it is constant. */
    private static Expr part(Expr x, Var v, java.util.function.UnaryOperator<Expr> build) {
        return Tree.dependsOn(x, v) ? build.apply(d(x)) : new Zero();
    }

    private static Optional<Expr> sum(Expr e, Var v) {
        if (!(e instanceof Add a)) {
            return Optional.empty();
        }
        List<Expr> out = new ArrayList<>();
        for (Expr term : a.terms()) {
            if (Tree.dependsOn(term, v)) {
                out.add(d(term));
            }
        }
        return Optional.of(add(out));
    }

    private static Optional<Expr> negation(Expr e, Var v) {
        return e instanceof Neg n ? Optional.of(neg(d(n.arg()))) : Optional.empty();
    }

    /** eq. 12: only one factor varies, so d(A X B) = A dX B (eq. 8 when the others are scalars). */
    private static Optional<Expr> linearForm(Expr e, Var v) {
        if (!(e instanceof Mul m)) {
            return Optional.empty();
        }
        List<Integer> varying = varying(m.factors(), v);
        if (varying.size() != 1) {
            return Optional.empty();
        }
        List<Expr> out = new ArrayList<>(m.factors());
        int i = varying.getFirst();
        out.set(i, d(out.get(i)));
        return Optional.of(mul(out));
    }

    /** eqs. 10/11: every varying factor in turn is differentiated, the others kept in place. */
    private static Optional<Expr> product(Expr e, Var v, int maxVarying) {
        if (!(e instanceof Mul m)) {
            return Optional.empty();
        }
        List<Integer> varying = varying(m.factors(), v);
        if (varying.size() < 2 || varying.size() > maxVarying) {
            return Optional.empty();
        }
        List<Expr> terms = new ArrayList<>();
        for (int i : varying) {
            List<Expr> out = new ArrayList<>(m.factors());
            out.set(i, d(out.get(i)));
            terms.add(mul(out));
        }
        return Optional.of(add(terms));
    }

    private static List<Integer> varying(List<Expr> factors, Var v) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            if (Tree.dependsOn(factors.get(i), v)) {
                out.add(i);
            }
        }
        return out;
    }

    private static Optional<Expr> divisionByConstant(Expr e, Var v) {
        return e instanceof Div q && !Tree.dependsOn(q.den(), v) ? Optional.of(new Div(d(q.num()), q.den())) : Optional.empty();
    }

    /** d(u/s) = du/s - u ds/s^2 for a varying scalar s (eqs. 10 and 16 with s^-1). */
    private static Optional<Expr> quotient(Expr e, Var v) {
        if (!(e instanceof Div q)) {
            return Optional.empty();
        }
        Expr first = Tree.dependsOn(q.num(), v) ? new Div(d(q.num()), q.den()) : new Zero();
        Expr second = neg(new Div(mul(q.num(), d(q.den())), new Pow(q.den(), num(2))));
        return Optional.of(add(first, second));
    }

    private static Optional<Expr> hadamardQuotient(Expr e, Var v) {
        if (!(e instanceof HadamardDiv h)) {
            return Optional.empty();
        }
        Expr first = part(h.left(), v, x -> new HadamardDiv(x, h.right()));
        Expr second = Tree.dependsOn(h.right(), v)
                ? neg(new Hadamard(new HadamardDiv(h.left(), new ElemPow(h.right(), num(2))), d(h.right())))
                : new Zero();
        return Optional.of(add(first, second));
    }

    /** ||u||^2 = u'u and ||U||_F^2 = tr(U'U): rewritten before differentiating (example 2). */
    private static Optional<Expr> normSquared(Expr e, Var v) {
        if (e instanceof Pow p && p.exponent() instanceof Num k && k.value() == 2 && p.base() instanceof Call c) {
            if (c.fn() == Fn.NORM2) {
                return Optional.of(d(mul(t(c.arg()), c.arg())));
            }
            if (c.fn() == Fn.NORMF) {
                return Optional.of(d(tr(mul(t(c.arg()), c.arg()))));
            }
        }
        return Optional.empty();
    }

    /** d||u|| = u'du / ||u|| and d||U||_F = tr(U'dU) / ||U||_F. */
    private static Optional<Expr> norm(Expr e, Var v) {
        if (e instanceof Call c && c.fn() == Fn.NORM2) {
            return Optional.of(new Div(mul(t(c.arg()), d(c.arg())), e));
        }
        if (e instanceof Call c && c.fn() == Fn.NORMF) {
            return Optional.of(new Div(tr(mul(t(c.arg()), d(c.arg()))), e));
        }
        return Optional.empty();
    }

    /** sum(x) = 1'x and sum(X) = 1'X1, so d sum(X) = 1' dX 1. */
    private static Optional<Expr> sumOfEntries(Expr e, Var v) {
        if (!(e instanceof Call c && c.fn() == Fn.SUM)) {
            return Optional.empty();
        }
        Outline o = Outline.of(c.arg());
        if (o.scalar()) {
            return Optional.of(d(c.arg()));
        }
        // Two distinct ones nodes: shapes are looked up by node, and 1'dX1 uses two sizes.
        if (o.colsOne()) {
            return Optional.of(mul(t(new Ones()), d(c.arg())));
        }
        if (o.rowsOne()) {
            return Optional.of(mul(d(c.arg()), new Ones()));
        }
        return Optional.of(mul(t(new Ones()), d(c.arg()), new Ones()));
    }

    private static Optional<Expr> linearMap(Expr e, Var v) {
        if (e instanceof Call c && (c.fn() == Fn.DIAG || c.fn() == Fn.VEC)) {
            return Optional.of(new Call(c.fn(), d(c.arg())));
        }
        if (e instanceof Unvec u) {
            return Optional.of(new Unvec(d(u.arg()), u.like(), u.side())); // the size does not vary
        }
        return Optional.empty();
    }

    /** The largest matrix power expanded term by term; beyond it the derivation's budget would refuse anyway. */
    private static final int MAX_POWER = 64;

    /** An integer exponent written as a number, e.g. 3 or -2; empty otherwise. */
    private static Optional<Integer> integerExponent(Expr k) {
        double value = switch (k) {
            case Num n -> n.value();
            case Neg(Num n) -> -n.value();
            default -> Double.NaN;
        };
        return value == Math.rint(value) && Math.abs(value) <= MAX_POWER ? Optional.of((int) value) : Optional.empty();
    }

    /** X^-k = (X^-1)^k: a negative power is a power of the inverse, which eqs. 11 and 16 then expand. */
    private static Optional<Expr> negativePower(Expr e, Var v) {
        if (!(e instanceof Pow p) || Outline.of(p.base()).scalar()) {
            return Optional.empty();
        }
        return integerExponent(p.exponent()).filter(n -> n <= -2).map(n -> d(new Pow(new Inv(p.base()), num(-n))));
    }

    /** d(u^w) = u^w log(u) dw + w u^(w-1) du, and element-wise for u .^ w, when the exponent varies. */
    private static Optional<Expr> varyingExponent(Expr e, Var v) {
        Expr base;
        Expr exponent;
        boolean elementwise;
        switch (e) {
            case Pow p when Outline.of(p.base()).scalar() && Tree.dependsOn(p.exponent(), v) -> {
                base = p.base();
                exponent = p.exponent();
                elementwise = false;
            }
            case ElemPow p when Outline.of(p.exponent()).scalar() && Tree.dependsOn(p.exponent(), v) -> {
                base = p.base();
                exponent = p.exponent();
                elementwise = !Outline.of(base).scalar();
            }
            default -> {
                return Optional.empty();
            }
        }
        Expr log = new Call(Fn.LOG, base);
        Expr byExponent = elementwise ? mul(new Hadamard(e, log), d(exponent)) : mul(e, log, d(exponent));
        if (!Tree.dependsOn(base, v)) {
            return Optional.of(byExponent);
        }
        Expr lowered = elementwise ? new ElemPow(base, exponentMinusOne(exponent)) : new Pow(base, exponentMinusOne(exponent));
        Expr byBase = elementwise ? new Hadamard(mul(exponent, lowered), d(base)) : mul(exponent, lowered, d(base));
        return Optional.of(add(byExponent, byBase));
    }

    /** X^k = X X ... X, so eq. 11 gives the sum of X^i dX X^(k-1-i). */
    private static Optional<Expr> matrixPower(Expr e, Var v) {
        if (!(e instanceof Pow p) || Outline.of(p.base()).scalar()) {
            return Optional.empty();
        }
        int n = integerExponent(p.exponent()).orElse(0);
        if (n < 2) {
            return Optional.empty();
        }
        List<Expr> terms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            terms.add(mul(power(p.base(), i), d(p.base()), power(p.base(), n - 1 - i)));
        }
        return Optional.of(add(terms));
    }

    private static Expr power(Expr base, int k) {
        return k == 0 ? new Expr.Identity() : k == 1 ? base : new Pow(base, num(k));
    }

    /** eq. 19: d f(X) = f'(X) ∘ dX, written as a product when X is a scalar. */
    private static Optional<Expr> elementwise(Expr e, Var v) {
        Expr arg;
        Expr derivative;
        switch (e) {
            case Call c when c.fn().elementwise() -> {
                arg = c.arg();
                derivative = derivativeOf(c.fn(), arg);
            }
            case Apply a when a.elementwise() -> {
                arg = a.arg();
                derivative = new Apply(a.name(), arg, a.kind(), true, a.primes() + 1);
            }
            case Pow p when Outline.of(p.base()).scalar() && !Tree.dependsOn(p.exponent(), v) -> {
                arg = p.base();
                derivative = mul(p.exponent(), new Pow(arg, exponentMinusOne(p.exponent())));
            }
            case ElemPow p when !Tree.dependsOn(p.exponent(), v) -> {
                arg = p.base();
                derivative = mul(p.exponent(), new ElemPow(arg, exponentMinusOne(p.exponent())));
            }
            default -> {
                return Optional.empty();
            }
        }
        if (Outline.of(arg).scalar()) {
            return Optional.of(mul(derivative, d(arg)));
        }
        return Optional.of(new Hadamard(derivative, d(arg)));
    }

    private static Expr exponentMinusOne(Expr k) {
        return k instanceof Num n ? num(n.value() - 1) : add(k, neg(num(1))); // t - 1, not t + (-1)
    }

    /**
     * f' of an element-wise built-in from its {@link Fn} entry: its derivative with x replaced by the
     * argument (1/x, cos x), element-wise when the argument is not a scalar (x.^-1); or f'(X) itself
     * for those the tutorial leaves primed (tanh', σ').
     */
    private static Expr derivativeOf(Fn fn, Expr x) {
        boolean scalar = Outline.of(x).scalar();
        // a constant term (the 1 of (1 + x)^-1) is a column of ones beside a vector; beside a matrix
        // the language has no all-ones matrix, so f'(X) stays primed there
        boolean constantTerm = Tree.anyMatch(fn.derivative(), e -> e instanceof Add a && a.terms().stream().anyMatch(Num.class::isInstance));
        if (fn.scalar().keepsPrime() || (constantTerm && !scalar && !Outline.of(x).colsOne())) {
            return new Prime(fn, x);
        }
        return Tree.bottomUp(fn.derivative(), e -> switch (e) {
            case Var v -> x;
            case Add a when !scalar -> Ex.add(a.terms().stream().map(t -> t instanceof Num n ? ones(n) : t).toList());
            // x^-1 parses as inv(x): of a scalar formula it is the reciprocal, a power as eq. 19 writes it
            case Inv i -> scalar ? new Pow(i.arg(), num(-1)) : new ElemPow(i.arg(), num(-1));
            case Pow p when !scalar -> new ElemPow(p.base(), p.exponent());
            case Mul m when !scalar -> entrywise(m, x);
            case Div q when !scalar && Tree.anyMatch(q.den(), x::equals) -> new HadamardDiv(q.num(), q.den());
            default -> e;
        });
    }

    /** The constant c of a scalar formula as a column: ones for 1, c*ones otherwise. */
    private static Expr ones(Num c) {
        return c.value() == 1 ? new Ones() : mul(c, new Ones());
    }

    /** A product of functions of a non-scalar x taken entry by entry: c*f(x)*g(x) is c*(f(x) .* g(x)). */
    private static Expr entrywise(Mul m, Expr x) {
        List<Expr> constants = new ArrayList<>();
        Expr varying = null;
        for (Expr f : m.factors()) {
            if (!Tree.anyMatch(f, x::equals)) {
                constants.add(f);
            } else {
                varying = varying == null ? f : new Hadamard(varying, f);
            }
        }
        if (varying == null) {
            return m;
        }
        constants.add(varying);
        return mul(constants);
    }

    /** Through an abstract function: dl = (dl/dy) dy (eqs. 1, 2, 4, 5), or tr((dl/dY) dY) (eq. 3). */
    private static Optional<Expr> chain(Expr e, Var v) {
        if (!(e instanceof Apply a) || a.elementwise()) {
            return Optional.empty();
        }
        Outline arg = Outline.of(a.arg());
        Expr grad = new Grad(a);
        if (arg.colsOne()) {
            return Optional.of(mul(grad, d(a.arg())));
        }
        if (Outline.of(a.kind()).scalar()) {
            return Optional.of(tr(mul(grad, d(a.arg()))));
        }
        throw new UnsupportedException("a non-scalar function " + a.name() + " of a matrix has no derivative in this layout (see the special examples)");
    }
}
