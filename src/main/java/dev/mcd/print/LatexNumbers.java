package dev.mcd.print;

import dev.mcd.expr.Fractions;

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

    /**
     * The shortest decimal of v (Double.toString's digits) as {@code 0.37}, or {@code 1.5\times 10^{-7}}
     * when tiny or huge; read by hand from the digits, since BigDecimal would bring java.math into the
     * browser bundle (LatexNumbersTest checks it against BigDecimal).
     */
    static String decimal(double v) {
        String s = Double.toString(v);
        int e = s.indexOf('E');
        int exp10 = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        String mantissa = e < 0 ? s : s.substring(0, e);
        int dot = mantissa.indexOf('.');
        String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int point = (dot < 0 ? mantissa.length() : dot) + exp10; // the decimal point sits before digits[point]
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits = digits.substring(lead);
        point -= lead;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        if (v >= 1e-4 && v < 1e7) {
            if (point <= 0) {
                return "0." + "0".repeat(-point) + digits;
            }
            return point >= digits.length() ? digits + "0".repeat(point - digits.length())
                    : digits.substring(0, point) + "." + digits.substring(point);
        }
        int exponent = point - 1;
        String m = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (m.equals("1") ? "" : m + "\\times ") + "10^{" + exponent + "}";
    }
}
