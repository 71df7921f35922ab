package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Expr.Add;
import dev.mcd.expr.Expr.Call;
import dev.mcd.expr.Expr.Diff;
import dev.mcd.expr.Expr.Mul;
import dev.mcd.expr.Expr.Neg;
import dev.mcd.expr.Expr.Num;
import dev.mcd.expr.Expr.Transpose;
import dev.mcd.expr.Expr.Zero;
import dev.mcd.expr.Fn;
import java.util.ArrayList;
import java.util.List;

/**
 * Small constructors that keep generated trees flat, e.g. {@code mul(a, mul(b, c))} is the
 * three-factor product {@code a*b*c}; they do no algebra beyond flattening and dropping
 * zeros (that is {@link Tidy}'s job, so every simplification stays a named rule).
 */
final class Ex {
    private Ex() {}

    /** A number the engine computed, e.g. a folded coefficient; beyond double range it is refused, not infinite. */
    static Expr num(double v) {
        if (!Double.isFinite(v)) {
            throw new UnsupportedException("the arithmetic overflows: a coefficient exceeds " + Double.MAX_VALUE);
        }
        return new Num(v);
    }

    static Expr d(Expr e) {
        return new Diff(e);
    }

    static Expr t(Expr e) {
        return new Transpose(e);
    }

    static Expr tr(Expr e) {
        return new Call(Fn.TR, e);
    }

    static Expr neg(Expr e) {
        return new Neg(e);
    }

    static Expr mul(Expr... factors) {
        return mul(List.of(factors));
    }

    /**
     * A flat product of the factors; one factor is itself, none is the number 1. A nested
     * scalar product such as (x'y) stays one factor, because a 1×1 factor scales the whole
     * product while its pieces would not chain: A*(x'*y) is not A*x'*y.
     */
    static Expr mul(List<Expr> factors) {
        boolean allScalar = factors.stream().allMatch(f -> Outline.of(f).scalar());
        List<Expr> flat = new ArrayList<>();
        for (Expr f : factors) {
            if (f instanceof Mul m && (allScalar || !Outline.of(m).scalar())) {
                flat.addAll(m.factors());
            } else {
                flat.add(f);
            }
        }
        if (flat.isEmpty()) {
            return num(1);
        }
        return flat.size() == 1 ? flat.getFirst() : new Mul(flat);
    }

    static Expr add(Expr... terms) {
        return add(List.of(terms));
    }

    /** A flat sum without zero terms; no term is {@link Zero}, none at all is Zero. */
    static Expr add(List<Expr> terms) {
        List<Expr> flat = new ArrayList<>();
        for (Expr e : terms) {
            if (e instanceof Add a) {
                flat.addAll(a.terms());
            } else if (!(e instanceof Zero)) {
                flat.add(e);
            }
        }
        if (flat.isEmpty()) {
            return new Zero();
        }
        return flat.size() == 1 ? flat.getFirst() : new Add(flat);
    }

    /** The factors of a product, or the expression alone. */
    static List<Expr> factors(Expr e) {
        return e instanceof Mul m ? m.factors() : List.of(e);
    }

    /** The terms of a sum, or the expression alone (none for Zero). */
    static List<Expr> terms(Expr e) {
        if (e instanceof Zero) {
            return List.of();
        }
        return e instanceof Add a ? a.terms() : List.of(e);
    }
}
