package dev.mcd.verify;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a numeric check measured, for the site's tooltip: e.g. "checked at 3 random points: steps
 * agree to 2e-15, tr(G dX) form to 1e-15, finite differences to 3e-9". Errors are relative, the
 * largest over all points.
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

    /** The kinds of check of the "Verify" stage in docs/ARCHITECTURE.md. */
    public enum Check { STEPS, IDENTIFICATION, FINITE_DIFFERENCES, EQUALITY }

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

    /** One line: "checked at 3 random points: steps agree to 2e-15, finite differences to 3e-9". */
    public String summary() {
        return "checked at " + points + " random point" + (points == 1 ? "" : "s")
                + (sizes.isEmpty() ? "" : " (sizes " + sizes + " at the first)") + ": "
                + measures.stream().map(m -> m.label() + " to " + brief(m.maxError())).collect(Collectors.joining(", "));
    }

    /** One significant digit, e.g. 2e-15; exact agreement is shown as 0. */
    static String brief(double v) {
        if (v == 0) {
            return "0";
        }
        String s = Decimal.sci(v, 1); // "2e-15", "3e-09", "1e+00", as String.format("%.0e")
        return s.replaceFirst("e([+-])0*(\\d)", "e$1$2").replace("e+", "e").replaceFirst("e0$", "");
    }
}
