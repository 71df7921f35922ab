package dev.mcd.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    /**
     * Points and their negatives; a negative one is skipped where f is undefined around it (log,
     * sqrt; log1p below −1), whatever the entry's sampling flag says, so log1p is checked on (−1, 0)
     * although random points draw it positive. 0 itself has its own test below.
     */
    private static final double[] POINTS = {0.3, 0.9, 1.7, 2.6};
    private static final double H = 1e-5;

    static Stream<Fn> elementwise() {
        return Arrays.stream(Fn.values()).filter(Fn::elementwise);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void derivativeIsTheSlopeOfTheValue(Fn fn) {
        for (double x : POINTS) {
            for (double at : definedAround(fn, -x) ? new double[] {x, -x} : new double[] {x}) {
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
    private static boolean definedAround(Fn fn, double x) {
        return Double.isFinite(Elementwise.apply(fn, 0, x - H)) && Double.isFinite(Elementwise.apply(fn, 0, x))
                && Double.isFinite(Elementwise.apply(fn, 0, x + H));
    }

    @Test
    void log1pIsCheckedLeftOfZeroAlthoughItsPointsAreDrawnPositive() {
        // the sampling flag is not the domain: log1p is defined on (−1, 0), and the slope test goes there
        assertTrue(Fn.LOG1P.scalar().drawPositive());
        assertTrue(definedAround(Fn.LOG1P, -POINTS[1]));
        assertFalse(definedAround(Fn.LOG, -POINTS[0]) || definedAround(Fn.SQRT, -POINTS[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void derivativesAreDefinedAtZero(Fn fn) {
        if (!definedAround(fn, 0)) {
            return;
        }
        double slope = (Elementwise.apply(fn, 0, H) - Elementwise.apply(fn, 0, -H)) / (2 * H);
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
