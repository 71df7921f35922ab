package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Fn;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Symmetric variables ({@code S: symmetric}): their premise, tr(S − S'), which only a declaration
 * produces (premises never come from the function), and the names it marks. On symmetric points
 * and directions tr(G dS) = tr(sym(G) dS) with sym(G) = (G + G')/2, the gradient on symmetric
 * matrices (Srinivasan and Panda, arXiv 1911.06491), not the Cookbook's G + G' − G∘I of (138).
 */
public final class Symmetric {
    private Symmetric() {}

    /** The names the premises mark symmetric. */
    public static Set<String> names(List<Expr> premises) {
        Set<String> out = new TreeSet<>();
        for (Expr p : premises) {
            if (p instanceof Expr.Call c && c.fn() == Fn.TR && c.arg() instanceof Expr.Add a && a.terms().size() == 2
                    && a.terms().get(0) instanceof Expr.Var s
                    && a.terms().get(1).equals(new Expr.Neg(new Expr.Transpose(s)))) {
                out.add(s.name());
            }
        }
        return out;
    }

    /**
     * G read off for a symmetric variable becomes (G + G')/2; empty when G is already symmetric,
     * also once S' = S is used for the symmetric names (det(S) inv(S) for a symmetric S).
     */
    static java.util.Optional<Expr> symmetrized(Expr g, Set<String> symmetric) {
        if (g instanceof Expr.Zero || Symmetry.isSymmetric(g)) {
            return java.util.Optional.empty();
        }
        Expr gt = Tidy.apply(Tree.bottomUp(Layouts.transpose(g), e -> unTranspose(e, symmetric)));
        if (gt.equals(Tidy.apply(Tree.bottomUp(g, e -> unTranspose(e, symmetric))))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Tidy.apply(new Expr.Div(Ex.add(g, gt), Ex.num(2))));
    }

    /** S' = S and inv(S)' = inv(S) for a symmetric S. */
    private static Expr unTranspose(Expr e, Set<String> symmetric) {
        if (e instanceof Expr.Transpose t) {
            if (t.arg() instanceof Expr.Var v && symmetric.contains(v.name())) {
                return v;
            }
            if (t.arg() instanceof Expr.Inv i && i.arg() instanceof Expr.Var v && symmetric.contains(v.name())) {
                return i;
            }
        }
        return e;
    }
}
