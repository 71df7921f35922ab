package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import java.util.Map;

/**
 * Replaces whole subexpressions, outermost first, e.g. every W_2*sigma(W_1*x) by the name y so a
 * derivation can be shown with the tutorial's intermediate names (dl/dy instead of dl/d(W_2 σ(W_1 x))).
 */
public final class Rewrite {
    private Rewrite() {}

    public static Expr replace(Expr e, Map<Expr, ? extends Expr> replacements) {
        Expr r = replacements.get(e);
        if (r != null) {
            return r;
        }
        return Tree.mapChildren(e, c -> replace(c, replacements));
    }
}
