package dev.mcd.verify;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Fn;
import java.util.EnumSet;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where each variable must be drawn so that an expression is defined and well conditioned:
 * under a log-det, an inverse, an adjugate or a negative matrix power it is drawn positive
 * definite (X + X' > 0, so det X > 0; see {@link RandomPoint}); under log, sqrt, a fractional
 * power or a denominator it is drawn positive.
 * E.g. in log(det(X)) + sqrt(t), X is positive definite and t is positive.
 */
final class Domains {
    /** What a variable's random value must satisfy. */
    enum Need { POSITIVE, POSITIVE_DEFINITE }

    private final SortedMap<String, EnumSet<Need>> needs = new TreeMap<>();

    private Domains() {}

    static SortedMap<String, EnumSet<Need>> of(List<Expr> roots) {
        Domains d = new Domains();
        roots.forEach(r -> d.walk(r, false, false));
        return d.needs;
    }

    private void walk(Expr e, boolean positive, boolean definite) {
        switch (e) {
            case Expr.Var v -> {
                EnumSet<Need> n = needs.computeIfAbsent(v.name(), k -> EnumSet.noneOf(Need.class));
                if (positive) {
                    n.add(Need.POSITIVE);
                }
                if (definite) {
                    n.add(Need.POSITIVE_DEFINITE);
                }
            }
            case Expr.Num n -> { }
            case Expr.Identity i -> { }
            case Expr.Zero z -> { }
            case Expr.Ones o -> { }
            case Expr.Add a -> a.terms().forEach(t -> walk(t, positive, definite));
            case Expr.Mul m -> m.factors().forEach(f -> walk(f, positive, definite));
            case Expr.Neg n -> walk(n.arg(), positive, definite);
            case Expr.Div d -> {
                walk(d.num(), positive, definite);
                walk(d.den(), true, definite); // keeps denominators away from zero
            }
            case Expr.Hadamard h -> {
                walk(h.left(), positive, definite);
                walk(h.right(), positive, definite);
            }
            case Expr.HadamardDiv h -> {
                walk(h.left(), positive, definite);
                walk(h.right(), true, definite);
            }
            case Expr.Kron k -> {
                walk(k.left(), positive, definite);
                walk(k.right(), positive, definite);
            }
            case Expr.Unvec u -> walk(u.arg(), positive, definite); // like is read for its size only
            case Expr.Pow p -> {
                double ex = constant(p.exponent());
                boolean fractional = Double.isNaN(ex) || ex != Math.rint(ex);
                walk(p.base(), positive || fractional, definite || ex < 0);
                walk(p.exponent(), positive, definite);
            }
            case Expr.ElemPow p -> {
                double ex = constant(p.exponent());
                boolean fractional = Double.isNaN(ex) || ex != Math.rint(ex);
                walk(p.base(), positive || fractional || ex < 0, definite);
                walk(p.exponent(), positive, definite);
            }
            case Expr.Inv i -> walk(i.arg(), positive, true);
            case Expr.Transpose t -> walk(t.arg(), positive, definite);
            case Expr.Call c -> call(c.fn(), c.arg(), positive, definite);
            case Expr.Prime p -> walk(p.arg(), positive || p.fn().scalar().drawPositive(), definite);
            case Expr.Apply a -> walk(a.arg(), positive, definite);
            case Expr.Grad g -> walk(g.of(), positive, definite);
            case Expr.Diff d -> walk(d.arg(), positive, definite);
        }
    }

    private void call(Fn fn, Expr arg, boolean positive, boolean definite) {
        switch (fn.family()) {
            case ELEMENTWISE -> {
                if (fn == Fn.LOG && arg instanceof Expr.Call(Fn f, Expr inner) && f == Fn.DET) {
                    walk(inner, false, true); // log-det
                } else {
                    walk(arg, positive || fn.scalar().drawPositive(), definite);
                }
            }
            case DETERMINANT -> walk(arg, false, definite || positive); // det inside a log
            case ADJUGATE -> walk(arg, positive, true);
            case TRACE, SUM, NORM2, FROBENIUS, DIAG, VEC -> walk(arg, positive, definite);
        }
    }

    /** The value of a constant exponent such as 2, -1 or 1/2; NaN when it is not a plain number. */
    private static double constant(Expr e) {
        return switch (e) {
            case Expr.Num n -> n.value();
            case Expr.Neg n -> -constant(n.arg());
            case Expr.Div d -> constant(d.num()) / constant(d.den());
            default -> Double.NaN;
        };
    }
}
