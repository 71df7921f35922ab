package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import java.util.List;

/**
 * One link of a derivation: the whole right-hand side after applying one rule kind, e.g.
 * {@code d(x')*x + x'*d(x)} by rule {@code product} citing eq. 10. {@code rhs} equals the
 * previous step's {@code rhs} for every value of the variables and their differentials.
 *
 * @param rhs       the expression after this step
 * @param rule      the stable kebab-case id of the rule applied, e.g. {@code product}
 * @param equations the catalogue numbers cited (may be empty for a helper fact)
 * @param facts     ids of named helper facts cited, e.g. {@code cyclic-trace}
 */
public record Step(Expr rhs, String rule, List<Integer> equations, List<String> facts) {
    public Step {
        equations = List.copyOf(equations);
        facts = List.copyOf(facts);
    }
}
