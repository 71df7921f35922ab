package dev.mcd.verify;

import org.ejml.data.DMatrixRMaj;

/**
 * How far a computed value is from the expected one: the largest entry-wise difference relative
 * to the magnitudes involved, and that entry, e.g. "expected 3.21, got 3.27 (relative error 2e-2)".
 *
 * @param relative the relative error
 * @param expected the expected entry where the difference is largest
 * @param got      the computed entry there
 * @param row      its 0-based row
 * @param col      its 0-based column
 * @param matrix   whether the values are more than one entry (then the entry is named)
 */
record Discrepancy(double relative, double expected, double got, int row, int col, boolean matrix) {

    /**
     * Compares entry by entry; the scale is the larger value's largest entry, but never below
     * {@code floor}, which callers set from the intermediate magnitudes that bound rounding errors.
     */
    static Discrepancy between(DMatrixRMaj expected, DMatrixRMaj got, double floor) {
        if (!Mat.sameShape(expected, got)) {
            throw new VerificationException("shapes differ: expected " + Mat.shape(expected) + ", got " + Mat.shape(got));
        }
        int worst = 0;
        double diff = -1;
        for (int i = 0; i < expected.getNumElements(); i++) {
            double d = Math.abs(expected.data[i] - got.data[i]);
            if (!(d <= diff)) {
                worst = i;
                diff = d;
                if (Double.isNaN(d)) {
                    break;
                }
            }
        }
        double scale = Math.max(Math.max(Mat.maxAbs(expected), Mat.maxAbs(got)), Math.max(floor, 1e-300));
        return new Discrepancy(diff / scale, expected.data[worst], got.data[worst],
                worst / expected.numCols, worst % expected.numCols, expected.getNumElements() > 1);
    }

    /** A NaN compares as a failure, never as a pass. */
    boolean within(double tolerance) {
        return relative <= tolerance;
    }

    String describe() {
        return "expected " + Mat.num(expected) + ", got " + Mat.num(got)
                + (matrix ? " in entry (" + (row + 1) + "," + (col + 1) + ")" : "")
                + " (relative error " + VerifyReport.brief(relative) + ")";
    }
}
