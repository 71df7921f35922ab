package dev.mcd.print;

import dev.mcd.expr.Fractions;
import java.math.BigDecimal;

/**
 * Numbers as a reader writes them: {@code 2} (no {@code .0}), {@code \frac{1}{2}} for a simple
 * fraction, {@code 0.37} otherwise, {@code 1.5\times 10^{-7}} when tiny or huge.
 */
final class LatexNumbers {
    private LatexNumbers() {}

    /** The magnitude of a non-negative number, in display style. */
    static String display(double magnitude) {
        return format(magnitude, true);
    }

    /** The magnitude in a superscript, where a stacked fraction would be cramped: {@code 1/2}. */
    static String inline(double magnitude) {
        return format(magnitude, false);
    }

    /** True when {@link #display} gives a stacked fraction. */
    static boolean isFraction(double magnitude) {
        return !isInteger(magnitude) && denominator(magnitude) > 0;
    }

    static boolean isInteger(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15;
    }

    private static String format(double v, boolean stacked) {
        if (isInteger(v)) {
            return Long.toString((long) v);
        }
        int q = denominator(v);
        if (q > 0) {
            long p = Math.round(v * q);
            return stacked ? "\\frac{" + p + "}{" + q + "}" : p + "/" + q;
        }
        return decimal(v);
    }

    /** The smallest denominator that makes v a fraction, or 0. */
    private static int denominator(double v) {
        return Fractions.denominator(v);
    }

    private static String decimal(double v) {
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        if (v >= 1e-4 && v < 1e7) {
            return d.toPlainString();
        }
        int exponent = d.precision() - d.scale() - 1;
        String mantissa = d.movePointLeft(exponent).stripTrailingZeros().toPlainString();
        return (mantissa.equals("1") ? "" : mantissa + "\\times ") + "10^{" + exponent + "}";
    }
}
