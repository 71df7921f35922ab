package dev.mcd.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.expr.Fn;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every element-wise entry of the function table agrees with itself: the derivative written in the
 * expression language is the slope of the value (central differences), its own slope is the second
 * derivative the evaluator uses for f', and f(0) = 0 exactly when the entry says so. A new entry
 * with a wrong derivative fails here before any derivation uses it.
 */
class ElementwiseTableTest {
    /** Inside every domain: the positive ones need x > 0; 0 itself has its own test below. */
    private static final double[] POINTS = {0.3, 0.9, 1.7, 2.6};
    private static final double H = 1e-5;

    static Stream<Fn> elementwise() {
        return Arrays.stream(Fn.values()).filter(Fn::elementwise);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void derivativeIsTheSlopeOfTheValue(Fn fn) {
        for (double x : POINTS) {
            for (double at : fn.scalar().positive() ? new double[] {x} : new double[] {x, -x}) {
                for (int order = 1; order <= 2; order++) {
                    double slope = (Elementwise.apply(fn, order - 1, at + H) - Elementwise.apply(fn, order - 1, at - H)) / (2 * H);
                    double claimed = Elementwise.apply(fn, order, at);
                    assertEquals(slope, claimed, 1e-6 * Math.max(1, Math.abs(slope)),
                            fn.source() + " order " + order + " at " + at);
                }
            }
        }
    }

    /**
     * At 0, where random points land whenever an argument has exact zeros (the diagonal of
     * X - X'): every entry with f defined around 0 has f'(0) equal to the central slope there
     * (abs: sign(0) = 0, as np.sign; not the 0/0 of its template x/|x|) and a finite f''(0)
     * (abs'' at 0 is taken as 0, like the hand-written table before). log and sqrt are not
     * defined on both sides of 0, so they have no f'(0) to check.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void derivativesAreDefinedAtZero(Fn fn) {
        double left = Elementwise.apply(fn, 0, -H);
        double right = Elementwise.apply(fn, 0, H);
        if (!Double.isFinite(left) || !Double.isFinite(right) || !Double.isFinite(Elementwise.apply(fn, 0, 0))) {
            return;
        }
        double slope = (right - left) / (2 * H);
        assertEquals(slope, Elementwise.apply(fn, 1, 0), 1e-6 * Math.max(1, Math.abs(slope)), fn.source() + "' at 0");
        double second = Elementwise.apply(fn, 2, 0);
        assertTrue(Double.isFinite(second), fn.source() + "'' at 0 gives " + second);
    }

    @Test
    void derivativesAreCheckedAtZeroForEveryEntryButLogAndSqrt() {
        // the guard above must not skip more than the entries undefined left of 0
        assertEquals(List.of(Fn.LOG, Fn.SQRT), elementwise()
                .filter(fn -> !Double.isFinite(Elementwise.apply(fn, 0, -H))).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void vanishesAtZeroAsTheEntrySays(Fn fn) {
        double f0 = Elementwise.apply(fn, 0, 0);
        if (fn.vanishesAtZero()) {
            assertEquals(0, f0, fn.source());
        } else {
            assertNotEquals(0.0, f0, fn.source());
        }
    }
}
