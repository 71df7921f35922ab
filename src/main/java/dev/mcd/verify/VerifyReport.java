package dev.mcd.verify;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a numeric check measured: e.g. "checked at 3 random points: steps agree to 2e-15, tr(G dX)
 * form to 1e-15, finite differences to 3e-9" for {@code mcd derive} ({@link #summary}), and what it
 * enforced, "steps agree to 1e-9, ..., finite differences to 1e-6" for the site ({@link #claim}), whose
 * pages must not change when the arithmetic moves by one ulp. Errors are relative, the largest over
 * all points.
 *
 * @param points   how many random points every check ran at
 * @param measures one per check that ran, in the order they ran
 * @param sizes    the variables' sizes at the first point, e.g. "W 2×5, C 3×4" ("" when none vary in size)
 */
public record VerifyReport(int points, List<Measure> measures, String sizes) {
    public VerifyReport {
        measures = List.copyOf(measures);
        java.util.Objects.requireNonNull(sizes);
    }

    /** The sizes of every non-scalar variable of a point, e.g. "W 2×5, x 5×1". */
    static String sizesOf(Point p) {
        return p.values().entrySet().stream().filter(e -> !Mat.isScalar(e.getValue()))
                .map(e -> e.getKey() + " " + Mat.shape(e.getValue())).collect(Collectors.joining(", "));
    }

    /**
     * The kinds of check of the "Verify" stage in docs/ARCHITECTURE.md, each with the relative error
     * it allows: the one constant that the check enforces and that {@link #claim} prints, so a page
     * cannot claim a bound that the check does not hold. Steps, read-off form and equalities are
     * exact algebra, so only rounding separates their sides; central differences carry truncation
     * and rounding error as well.
     */
    public enum Check {
        STEPS(1e-9),
        IDENTIFICATION(1e-9),
        FINITE_DIFFERENCES(1e-6),
        EQUALITY(1e-9);

        private final double tolerance;

        Check(double tolerance) {
            this.tolerance = tolerance;
        }

        public double tolerance() {
            return tolerance;
        }

        /** The tolerance as the summaries write it, e.g. "1e-9". */
        public String bound() {
            return brief(tolerance);
        }
    }

    /**
     * One check's largest relative error.
     *
     * @param label how the summary names it, e.g. "tr(G dX) form"
     */
    public record Measure(Check check, String label, double maxError) {}

    public List<Check> checks() {
        return measures.stream().map(Measure::check).toList();
    }

    /** The largest relative error of a check, NaN if it did not run. */
    private double maxError(Check check) {
        return measures.stream().filter(m -> m.check() == check).mapToDouble(Measure::maxError).findFirst().orElse(Double.NaN);
    }

    public double maxStepError() {
        return maxError(Check.STEPS);
    }

    public double maxIdentificationError() {
        return maxError(Check.IDENTIFICATION);
    }

    public double maxFiniteDifferenceError() {
        return maxError(Check.FINITE_DIFFERENCES);
    }

    public double maxEqualityError() {
        return maxError(Check.EQUALITY);
    }

    /** One line with the measured errors: "checked at 3 random points: steps agree to 2e-15, finite differences to 3e-9". */
    public String summary() {
        return where() + measures.stream().map(m -> m.label() + " to " + brief(m.maxError())).collect(Collectors.joining(", "));
    }

    /**
     * One line with the tolerances every point met: "checked at 3 random points: steps agree to 1e-9,
     * finite differences to 1e-6"; it depends on the claim and the points, never on rounding.
     */
    public String claim() {
        return where() + measures.stream().map(m -> m.label() + " to " + m.check().bound()).collect(Collectors.joining(", "));
    }

    private String where() {
        return "checked at " + points + " random point" + (points == 1 ? "" : "s")
                + (sizes.isEmpty() ? "" : " (sizes " + sizes + " at the first)") + ": ";
    }

    /** One significant digit, e.g. 2e-15; exact agreement is shown as 0. */
    static String brief(double v) {
        if (v == 0) {
            return "0";
        }
        String s = Decimal.sci(v, 1); // "2e-15", "3e-09", "1e+00", as String.format("%.0e")
        // By hand, not replaceFirst: a regex would put the whole regex engine into the browser build.
        // The exponent loses its leading zeros and its plus sign, and a zero exponent goes: 1e+00 is 1, 3e-09 is 3e-9.
        int e = s.indexOf('e');
        if (e < 0) {
            return s;
        }
        int d = e + 2;
        while (d < s.length() - 1 && s.charAt(d) == '0') {
            d++;
        }
        String exponent = s.substring(d);
        if (s.charAt(e + 1) == '-') {
            return s.substring(0, e) + "e-" + exponent;
        }
        return exponent.equals("0") ? s.substring(0, e) : s.substring(0, e) + "e" + exponent;
    }
}
