package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Expr.*;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Generic traversal of {@link Expr}: children, rebuilding with new children, searching. Every
 * strategy of the engine is built from these, e.g. {@code anyMatch(e, Diff.class::isInstance)}.
 */
final class Tree {
    private Tree() {}

    static List<Expr> children(Expr e) {
        return e.children();
    }

    /** The same node with each child replaced by {@code f(child)}. */
    static Expr mapChildren(Expr e, UnaryOperator<Expr> f) {
        return switch (e) {
            case Var v -> v;
            case Num n -> n;
            case Expr.Identity i -> i;
            case Zero z -> z;
            case Ones o -> o;
            case Add a -> Ex.add(a.terms().stream().map(f).toList());
            case Mul m -> Ex.mul(m.factors().stream().map(f).toList());
            case Neg n -> new Neg(f.apply(n.arg()));
            case Div d -> new Div(f.apply(d.num()), f.apply(d.den()));
            case Hadamard h -> new Hadamard(f.apply(h.left()), f.apply(h.right()));
            case HadamardDiv h -> new HadamardDiv(f.apply(h.left()), f.apply(h.right()));
            case Kron k -> new Kron(f.apply(k.left()), f.apply(k.right()));
            case Unvec u -> new Unvec(f.apply(u.arg()), f.apply(u.like()), u.side());
            case Pow p -> new Pow(f.apply(p.base()), f.apply(p.exponent()));
            case ElemPow p -> new ElemPow(f.apply(p.base()), f.apply(p.exponent()));
            case Inv i -> new Inv(f.apply(i.arg()));
            case Transpose t -> new Transpose(f.apply(t.arg()));
            case Call c -> new Call(c.fn(), f.apply(c.arg()));
            case Prime p -> new Prime(p.fn(), f.apply(p.arg()));
            case Apply a -> new Apply(a.name(), f.apply(a.arg()), a.kind(), a.elementwise(), a.primes());
            case Grad g -> f.apply(g.of()) instanceof Apply a ? new Grad(a) : g;
            case Diff d -> new Diff(f.apply(d.arg()));
        };
    }

    /** Rewrites bottom-up: children first, then the node itself. */
    static Expr bottomUp(Expr e, UnaryOperator<Expr> f) {
        return f.apply(mapChildren(e, c -> bottomUp(c, f)));
    }

    static boolean anyMatch(Expr e, Predicate<Expr> p) {
        if (p.test(e)) {
            return true;
        }
        for (Expr c : children(e)) {
            if (anyMatch(c, p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether e varies with v: it mentions v (abstract functions vary with their argument), other
     * than in the size of an unvec, unvec(b, cols(X)), which is a whole number that never varies.
     */
    static boolean dependsOn(Expr e, Var v) {
        if (e instanceof Var w) {
            return w.name().equals(v.name());
        }
        if (e instanceof Unvec u) {
            return dependsOn(u.arg(), v);
        }
        for (Expr c : children(e)) {
            if (dependsOn(c, v)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasDiff(Expr e) {
        return anyMatch(e, Diff.class::isInstance);
    }

}
