package dev.mcd.expr;

/**
 * Which numbers a reader writes as a simple fraction, e.g. 0.333… as 1/3 (denominator 3) and 0.37 not
 * at all; shared by the text printer here and the TeX printer's {@code \frac}, so both agree.
 */
public final class Fractions {
    private Fractions() {}

    /** Denominators up to this make a fraction "simple" (1/12 yes, 1/13 no). */
    private static final int MAX_DENOMINATOR = 12;

    /** The smallest denominator that makes a non-negative, non-integer v a simple fraction, or 0. */
    public static int denominator(double v) {
        if (v >= 1e6 || v == Math.rint(v)) {
            return 0;
        }
        for (int q = 2; q <= MAX_DENOMINATOR; q++) {
            double p = Math.rint(v * q);
            if (p != 0 && Math.abs(p / q - v) <= 1e-12 * Math.max(1, v)) {
                return q;
            }
        }
        return 0;
    }
}
