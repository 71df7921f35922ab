package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Expr.*;
import java.util.ArrayList;
import java.util.List;

/**
 * A term seen as coefficient × scalar factors × matrix chain, e.g. {@code -2 (b'x) A dX B} is
 * coefficient -2, scalars [b'x], chain [A, dX, B]. Scalars commute; the chain does not.
 */
record Product(double coefficient, List<Expr> scalars, List<Expr> chain) {
    Product {
        scalars = List.copyOf(scalars);
        chain = List.copyOf(chain);
    }

    static Product of(Expr e) {
        double[] coefficient = {1};
        List<Expr> scalars = new ArrayList<>();
        List<Expr> chain = new ArrayList<>();
        collect(e, coefficient, scalars, chain);
        return new Product(coefficient[0], scalars, chain);
    }

    private static void collect(Expr e, double[] coefficient, List<Expr> scalars, List<Expr> chain) {
        switch (e) {
            case Num n -> coefficient[0] *= n.value();
            case Neg n -> {
                coefficient[0] = -coefficient[0];
                collect(n.arg(), coefficient, scalars, chain);
            }
            case Div d when Outline.of(d.den()).scalar() && Tree.hasDiff(d.num()) -> {
                scalars.add(new Div(Ex.num(1), d.den()));
                collect(d.num(), coefficient, scalars, chain);
            }
            case Mul m -> {
                for (Expr f : m.factors()) {
                    if (f instanceof Mul group) {
                        scalars.add(group); // a nested product is a scalar group (see Ex.mul)
                    } else if (f instanceof Div d && d.num() instanceof Mul group && Outline.of(group).scalar()
                            && Outline.of(d.den()).scalar()) {
                        // (a' dX b)/s inside a product is one scalar group too: flattening it into the
                        // chain would multiply b by the factors that follow (u X instead of (u'…u) X)
                        scalars.add(new Div(Ex.num(1), d.den()));
                        scalars.add(group);
                    } else {
                        collect(f, coefficient, scalars, chain);
                    }
                }
            }
            default -> {
                if (Outline.of(e).scalar() && !(e instanceof Diff)) {
                    scalars.add(e);
                } else {
                    chain.add(e);
                }
            }
        }
    }

    /** Index in the chain of the factor holding the differential, or -1. */
    int diffInChain() {
        for (int i = 0; i < chain.size(); i++) {
            if (Tree.hasDiff(chain.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Index among the scalars of the factor holding the differential, or -1. */
    int diffInScalars() {
        for (int i = 0; i < scalars.size(); i++) {
            if (Tree.hasDiff(scalars.get(i))) {
                return i;
            }
        }
        return -1;
    }

    Product withChain(List<Expr> newChain) {
        return new Product(coefficient, scalars, newChain);
    }

    Product withScalars(List<Expr> newScalars) {
        return new Product(coefficient, newScalars, chain);
    }

    Expr toExpr() {
        List<Expr> all = new ArrayList<>();
        all.add(Ex.num(coefficient));
        all.addAll(scalars);
        all.addAll(chain);
        return Tidy.apply(Ex.mul(all));
    }
}
