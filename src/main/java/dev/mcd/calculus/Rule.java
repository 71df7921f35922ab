package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A simplification rule as an inspectable value: a stable id, the catalogue fact it cites (a
 * typed reference, resolved by {@link #identity()}), a named guard and a rewrite of one node.
 * Example: {@code matrix-powers} cites {@code X^2*inv(X^3) = inv(X)}, guard "adjacent powers of
 * one matrix". Strategies that apply rules live in {@link Strategy}; the rules in {@link Textbook}.
 */
record Rule(String id, String fact, Guard guard, UnaryOperator<Expr> rewrite) {
    /** A named predicate on the node a rule would rewrite. */
    record Guard(String name, Predicate<Expr> test) {
        Guard {
            Objects.requireNonNull(name);
            Objects.requireNonNull(test);
        }
    }

    Rule {
        if (!isKebab(id)) {
            throw new IllegalArgumentException("a rule id is kebab-case: " + id);
        }
    }

    /** [a-z]+(-[a-z]+)*, checked by hand: a regex would put the whole regex engine into the browser build. */
    static boolean isKebab(String id) {
        if (id.isEmpty() || id.startsWith("-") || id.endsWith("-") || id.contains("--")) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c != '-' && (c < 'a' || c > 'z')) {
                return false;
            }
        }
        return true;
    }

    /** The catalogue entry this rule cites; a rule citing nothing that exists is a programming error. */
    Identity identity() {
        return Catalogue.byId(fact).orElseThrow(() -> new IllegalStateException("rule " + id + " cites no catalogue entry " + fact));
    }

    /** The rewrite of this one node when the guard holds and it changes something. */
    Optional<Expr> at(Expr node) {
        if (!guard.test().test(node)) {
            return Optional.empty();
        }
        Expr out = rewrite.apply(node);
        return out.equals(node) ? Optional.empty() : Optional.of(out);
    }
}
