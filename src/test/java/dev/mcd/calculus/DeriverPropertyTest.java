package dev.mcd.calculus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.expr.Decls;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Parser;
import dev.mcd.verify.DerivationCheck;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Disabled;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random well-shaped expressions over X (n×n), x, a (constant vector), A (constant n×n) and t
 * built with + - * ' tr inv det log(det) .* exp tanh and, rarely, kron: the engine either derives
 * one that verifies numerically or refuses with an {@link UnsupportedException} — never a wrong
 * result, never another exception. Example: {@code tr((X*A)')*(a'*x)} by X.
 */
class DeriverPropertyTest {
    static final String WHERE = "X: matrix, x: vector, a: vector, A: matrix, t: scalar";
    private static final Decls DECLS = Decls.parse(WHERE);

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
        Derivation d;
        try {
            d = Deriver.derive(f, v);
        } catch (UnsupportedException e) {
            assertTrue(e.getMessage().startsWith("unsupported: ") && e.getMessage().length() > 30,
                    () -> "unclear refusal: " + e.getMessage());
            Statistics.label("outcome").collect("unsupported");
            return;
        }
        DerivationCheck.check(d);
        Statistics.label("outcome").collect("derived and verified");
        Statistics.label("form").collect(d.form());
    }

    @Provide
    Arbitrary<Problem> problems() {
        return new RandomProblems(false).problems();
    }

    /** The full grammar; enable when tr(t*(A .* X)) by X verifies (hadamard-move drops the I of I∘A). */
    @Property(tries = 200, seed = "20260101")
    void withMatrixHadamardProducts(@ForAll("problemsWithMatrixHadamard") Problem p) {
        derivesAndVerifiesOrRefusesClearly(p);
    }

    @Provide
    Arbitrary<Problem> problemsWithMatrixHadamard() {
        return new RandomProblems(true).problems();
    }
}
