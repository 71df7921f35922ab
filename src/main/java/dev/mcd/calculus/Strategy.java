package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The combinators that apply {@link Rule}s, and the one termination policy: a rule is applied
 * everywhere it fits (bottom-up, then bookkeeping), rules are tried in order and the first that
 * changes the expression makes a step, until none does; never more than {@link #MAX_MOVES}
 * moves and never back to an expression already seen (SymPy's strategies: {@code bottom_up},
 * {@code do_one}, {@code exhaust}).
 */
final class Strategy {
    /** The termination policy's bound; a normal form is reached in a handful of moves. */
    static final int MAX_MOVES = 40;

    private Strategy() {}

    /** One recorded move: the rule and the whole expression after it. */
    record Move(Rule rule, Expr result) {}

    /** The rule applied at every node it fits, children first, then {@link Tidy}; empty when nothing changes. */
    static Optional<Expr> everywhere(Rule rule, Expr e) {
        Expr out = Tidy.apply(Tree.bottomUp(e, n -> rule.at(n).orElse(n)));
        return out.equals(e) ? Optional.empty() : Optional.of(out);
    }

    /** The first rule (in order) that changes e, with its result. */
    static Optional<Move> firstOf(List<Rule> rules, Expr e) {
        for (Rule r : rules) {
            Optional<Expr> out = everywhere(r, e);
            if (out.isPresent()) {
                return Optional.of(new Move(r, out.get()));
            }
        }
        return Optional.empty();
    }

    /** {@link #firstOf} repeated to a normal form under the termination policy; the moves in order. */
    static List<Move> exhaust(List<Rule> rules, Expr e) {
        List<Move> moves = new ArrayList<>();
        Set<Expr> seen = new HashSet<>();
        seen.add(e);
        Expr current = e;
        while (moves.size() < MAX_MOVES) {
            Optional<Move> m = firstOf(rules, current);
            if (m.isEmpty() || !seen.add(m.get().result())) {
                break;
            }
            moves.add(m.get());
            current = m.get().result();
        }
        return moves;
    }
}
