package dev.mcd.verify;

import org.ejml.data.DMatrixRMaj;

/**
 * The concrete function substituted for a non-element-wise abstract function of the language,
 * by its name, so that l(y), y(x) and their derivatives (Grad) can be evaluated; e.g. l(y) as
 * log-sum-exp, y(x) as tanh(C x) with a fixed random C. Element-wise sigma is always tanh.
 */
public sealed interface Instance {

    /** A scalar-valued function such as a loss l(y) of a scalar, vector or matrix. */
    record Scalar(Loss loss) implements Instance {}

    /**
     * A vector- or matrix-valued function Y(X) = reshape(tanh(C vec X)) of rows×cols; for a vector
     * of a vector this is y(x) = tanh(C x), with Jacobian diag(tanh'(C x)) C.
     */
    record Squashed(DMatrixRMaj coupling, int rows, int cols) implements Instance {
        public Squashed {
            if (coupling.numRows != rows * cols) {
                throw new IllegalArgumentException("C has " + coupling.numRows + " rows for a " + rows + "×" + cols + " value");
            }
        }
    }
}
