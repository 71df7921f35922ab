package dev.mcd.calculus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.expr.Decls;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Parser;
import dev.mcd.verify.DerivationCheck;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random well-shaped expressions over X (n×n), x, a (constant vector), A (constant n×n) and t
 * built with + - * ' tr inv det log(det) .* exp tanh and, rarely, kron: the engine either derives
 * one that verifies numerically or refuses with an {@link UnsupportedException} — never a wrong
 * result, never another exception — and it derives at least {@link #MIN_DERIVED_PERCENT}% of them. Example: {@code tr((X*A)')*(a'*x)} by X.
 */
class DeriverPropertyTest {
    static final String WHERE = "X: matrix, x: vector, a: vector, A: matrix, t: scalar";
    private static final Decls DECLS = Decls.parse(WHERE);
    private static final String DERIVED = "derived and verified";
    /** The share of tries (after the filter) that must derive and verify; see the coverage check below. */
    static final double MIN_DERIVED_PERCENT = 90;

    /** A function and the variable to derive it by. */
    record Problem(String source, String wrt) {
        @Override
        public String toString() {
            return "d(" + source + ")/d" + wrt;
        }
    }

    @Property(tries = 200, seed = "20260101")
    void derivesAndVerifiesOrRefusesClearly(@ForAll("problems") Problem p) {
        Expr f = Parser.parse(p.source(), DECLS).expr();
        Expr.Var v = new Expr.Var(p.wrt(), DECLS.kindOf(p.wrt()));
        Assume.that(Deriver.dependsOn(f, v));
        String outcome;
        try {
            Derivation d = Deriver.derive(f, v);
            DerivationCheck.check(d);
            outcome = DERIVED;
            Statistics.label("form").collect(d.form());
        } catch (UnsupportedException e) {
            assertTrue(e.getMessage().startsWith("unsupported: ") && e.getMessage().length() > 30,
                    () -> "unclear refusal: " + e.getMessage());
            outcome = "unsupported";
        }
        Statistics.label("outcome").collect(outcome);
        // refusing is allowed, refusing much is a regression: an engine that refused everything would
        // pass every try above. 99% of these seeded tries derive today (133 of 135; 100% with .*).
        Statistics.label("outcome").coverage(c -> c.check(DERIVED).percentage(share -> share >= MIN_DERIVED_PERCENT));
    }

    @Provide
    Arbitrary<Problem> problems() {
        return new RandomProblems(false).problems();
    }

    /** The full grammar, matrix Hadamard products included (tr(t*(A .* X)) by X). */
    @Property(tries = 200, seed = "20260101")
    void withMatrixHadamardProducts(@ForAll("problemsWithMatrixHadamard") Problem p) {
        derivesAndVerifiesOrRefusesClearly(p);
    }

    @Provide
    Arbitrary<Problem> problemsWithMatrixHadamard() {
        return new RandomProblems(true).problems();
    }
}
