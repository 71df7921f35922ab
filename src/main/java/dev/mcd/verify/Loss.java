package dev.mcd.verify;

import org.ejml.data.DMatrixRMaj;

/**
 * The concrete scalar functions substituted for an abstract loss such as l(y): half the sum of
 * squares, ½Σy², and log-sum-exp, log Σ exp(y). Both are smooth and defined everywhere, and
 * neither has a gradient with the shape of its argument by accident of symmetry, so a gradient
 * in the wrong layout shows up as a shape error or a wrong value.
 */
public enum Loss {
    HALF_SQUARES, LOG_SUM_EXP;

    double value(DMatrixRMaj y) {
        return switch (this) {
            case HALF_SQUARES -> 0.5 * Mat.dot(y, y);
            case LOG_SUM_EXP -> {
                double m = max(y);
                double s = 0;
                for (double v : y.data) {
                    s += Math.exp(v - m);
                }
                yield m + Math.log(s);
            }
        };
    }

    /** ∂l/∂y entry by entry, shaped like y (the numerator-layout derivative is its transpose). */
    DMatrixRMaj partials(DMatrixRMaj y) {
        return switch (this) {
            case HALF_SQUARES -> y.copy();
            case LOG_SUM_EXP -> softmax(y);
        };
    }

    /** The tangent of {@link #partials} along dy, i.e. the Hessian applied to dy. */
    DMatrixRMaj partialsTangent(DMatrixRMaj y, DMatrixRMaj dy) {
        return switch (this) {
            case HALF_SQUARES -> dy.copy();
            case LOG_SUM_EXP -> {
                DMatrixRMaj s = softmax(y);
                double sdy = Mat.dot(s, dy);
                yield Mat.zip(s, dy, (si, di) -> si * (di - sdy));
            }
        };
    }

    private static double max(DMatrixRMaj y) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : y.data) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static DMatrixRMaj softmax(DMatrixRMaj y) {
        double m = max(y);
        DMatrixRMaj e = Mat.map(y, v -> Math.exp(v - m));
        return Mat.scale(1 / Mat.sum(e), e);
    }
}
