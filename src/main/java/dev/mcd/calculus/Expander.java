package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Expr.Diff;
import dev.mcd.expr.Expr.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The expansion strategy: take the first differential in reading order that is not yet d(v),
 * find its rule, and apply that one rule to every differential it fits — one step per rule
 * kind, outermost first, as the tutorial writes them. Example: d(x'*x) → d(x')*x + x'*d(x)
 * (product-rule) → (dx)'*x + x'*dx (transpose-rule).
 */
final class Expander {
    private static final int MAX_STEPS = 200;

    private Expander() {}

    static List<Step> expand(Expr start, Var v, Budget budget) {
        List<Step> steps = new ArrayList<>();
        Expr current = start;
        for (int n = 0; n < MAX_STEPS; n++) {
            Optional<Diff> next = firstPending(current, v);
            if (next.isEmpty()) {
                return steps;
            }
            DiffRule rule = DiffRules.match(next.get().arg(), v)
                    .orElseThrow(() -> new UnsupportedException("no differential rule covers d("
                            + describe(next.get().arg()) + ")"))
                    .rule();
            Expr applied = applyEverywhere(current, rule, v);
            budget.check(applied);
            Expr rewritten = Tidy.apply(applied);
            steps.add(new Step(rewritten, rule.id(), rule.equations(), rule.facts()));
            current = rewritten;
        }
        throw new UnsupportedException("the expansion did not finish within " + MAX_STEPS + " steps");
    }

    private static String describe(Expr e) {
        return e.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    /** The first d(e), pre-order and left to right, with e something other than the variable. */
    private static Optional<Diff> firstPending(Expr e, Var v) {
        if (e instanceof Diff d) {
            if (d.arg() instanceof Var w && w.name().equals(v.name())) {
                return Optional.empty();
            }
            if (Tree.hasDiff(d.arg())) {
                throw new UnsupportedException("a differential of a differential (second-order) is not supported");
            }
            return Optional.of(d);
        }
        for (Expr c : Tree.children(e)) {
            Optional<Diff> found = firstPending(c, v);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Rewrites each outermost d(e) that this rule fits; the others wait for their own step. */
    private static Expr applyEverywhere(Expr e, DiffRule rule, Var v) {
        if (e instanceof Diff d) {
            if (d.arg() instanceof Var w && w.name().equals(v.name())) {
                return d;
            }
            Optional<DiffRules.Match> m = DiffRules.match(d.arg(), v);
            return m.isPresent() && m.get().rule() == rule ? m.get().expansion() : d;
        }
        return Tree.mapChildren(e, c -> applyEverywhere(c, rule, v));
    }
}
