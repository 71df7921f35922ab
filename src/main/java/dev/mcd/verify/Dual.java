package dev.mcd.verify;

import org.ejml.data.DMatrixRMaj;

/**
 * A value and its tangent along the chosen direction (forward mode), e.g. for x'x at x with
 * direction v: value x'x, tangent v'x + x'v — exactly what d(x'x) denotes.
 *
 * @param value   the expression's value, scalars as 1×1
 * @param tangent the directional derivative, same shape; NaN where it is not defined (the tangent
 *                of a differential, which would be a second-order quantity)
 */
public record Dual(DMatrixRMaj value, DMatrixRMaj tangent) {
    public Dual {
        if (value.numRows != tangent.numRows || value.numCols != tangent.numCols) {
            throw new IllegalArgumentException("value " + Mat.shape(value) + " and tangent " + Mat.shape(tangent));
        }
    }

    static Dual constant(DMatrixRMaj value) {
        return new Dual(value, Mat.zeros(value.numRows, value.numCols));
    }

    public int rows() {
        return value.numRows;
    }

    public int cols() {
        return value.numCols;
    }
}
