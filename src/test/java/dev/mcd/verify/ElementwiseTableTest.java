package dev.mcd.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.mcd.expr.Fn;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every element-wise entry of the function table agrees with itself: the derivative written in the
 * expression language is the slope of the value (central differences), its own slope is the second
 * derivative the evaluator uses for f', and f(0) = 0 exactly when the entry says so. A new entry
 * with a wrong derivative fails here before any derivation uses it.
 */
class ElementwiseTableTest {
    /** Inside every domain: the positive ones need x > 0 (abs' is undefined at 0 too). */
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
