package dev.mcd.verify;

/**
 * {@code String.format}'s {@code %.Ne} and {@code %.Ng} for a double, e.g. {@code sci(2.46e-15, 1)}
 * is "2e-15" as {@code %.0e} prints it: TeaVM's formatter (the browser build) lacks both, so the
 * JDK's rule is written out: the shortest decimal digits of the double, rounded half up.
 */
final class Decimal {
    private Decimal() {}

    /** {@code %.(digits-1)e}, e.g. {@code sci(0.00123, 3)} = "1.23e-03". */
    static String sci(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.toString(v); // "NaN", "Infinity", as the formatter prints them
        }
        Rounded r = round(v, digits);
        StringBuilder sb = new StringBuilder(r.negative ? "-" : "");
        sb.append(r.digits.charAt(0));
        if (digits > 1) {
            sb.append('.').append(r.digits, 1, digits);
        }
        int e = Math.abs(r.exponent);
        return sb.append(r.exponent < 0 ? "e-" : "e+").append(e < 10 ? "0" : "").append(e).toString();
    }

    /** {@code %.(digits)g}: plain between 1e-4 and 10^digits after rounding, scientific otherwise. */
    static String general(double v, int digits) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        Rounded r = round(v, digits);
        if (r.exponent < -4 || r.exponent >= digits) {
            return sci(v, digits);
        }
        StringBuilder sb = new StringBuilder(r.negative ? "-" : "");
        if (r.exponent < 0) {
            sb.append("0.").append("0".repeat(-r.exponent - 1)).append(r.digits);
        } else {
            sb.append(r.digits, 0, r.exponent + 1);
            if (r.exponent + 1 < digits) {
                sb.append('.').append(r.digits, r.exponent + 1, digits);
            }
        }
        return sb.toString();
    }

    /** {@code digits} significant digits d1d2... of v = ±d1.d2... × 10^exponent. */
    private record Rounded(boolean negative, String digits, int exponent) {}

    private static Rounded round(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("not a finite number: " + v);
        }
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        String s = Double.toString(Math.abs(v)); // "1.9677357057029172E-16", "0.00123", "123.0"
        int exp = 0;
        int e = s.indexOf('E');
        if (e >= 0) {
            exp = Integer.parseInt(s.substring(e + 1));
            s = s.substring(0, e);
        }
        int dot = s.indexOf('.');
        String all = s.substring(0, dot) + s.substring(dot + 1);
        exp += dot - 1;
        int lead = 0;
        while (lead < all.length() - 1 && all.charAt(lead) == '0') {
            lead++;
        }
        exp -= lead;
        all = all.substring(lead);
        if (all.chars().allMatch(c -> c == '0')) {
            return new Rounded(negative, "0".repeat(digits), 0);
        }
        StringBuilder d = new StringBuilder(all.length() > digits ? all.substring(0, digits) : all + "0".repeat(digits - all.length()));
        if (all.length() > digits && all.charAt(digits) >= '5') {
            int i = digits - 1;
            while (i >= 0 && d.charAt(i) == '9') {
                d.setCharAt(i--, '0');
            }
            if (i < 0) {
                d.insert(0, '1').setLength(digits);
                exp++;
            } else {
                d.setCharAt(i, (char) (d.charAt(i) + 1));
            }
        }
        return new Rounded(negative, d.toString(), exp);
    }
}
