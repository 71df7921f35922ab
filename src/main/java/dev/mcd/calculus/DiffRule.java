package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import java.util.List;
import java.util.Optional;

/**
 * One rule for expanding a differential, as data: a stable id, the identity numbers it cites,
 * and how it rewrites {@code d(e)} when it applies, e.g. {@code transpose-rule} (eq. 15):
 * d(X') = (dX)'. The expansion strategy ({@link Expander}) decides where and when to apply it.
 */
record DiffRule(String id, List<Integer> equations, List<String> facts, Expansion expansion) {

    /** Rewrites d(arg) for variable v, or answers empty when the rule does not fit arg. */
    @FunctionalInterface
    interface Expansion {
        Optional<Expr> expand(Expr arg, Expr.Var v);
    }

    DiffRule {
        equations = List.copyOf(equations);
        facts = List.copyOf(facts);
    }

    static DiffRule rule(String id, List<Integer> equations, Expansion expansion) {
        return new DiffRule(id, equations, List.of(), expansion);
    }

    static DiffRule fact(String id, String fact, Expansion expansion) {
        return new DiffRule(id, List.of(), List.of(fact), expansion);
    }

    Optional<Expr> apply(Expr arg, Expr.Var v) {
        return expansion.expand(arg, v);
    }
}
