package dev.mcd.calculus;

/**
 * Which of the tutorial's read-off identities (eqs. 1–6) gives the derivative, by the kinds of
 * the function and the variable; e.g. a scalar function of a matrix is read off with eq. 3,
 * dy = tr(G dX).
 */
public enum Form {
    SCALAR_BY_SCALAR(1),
    SCALAR_BY_VECTOR(2),
    SCALAR_BY_MATRIX(3),
    VECTOR_BY_SCALAR(4),
    VECTOR_BY_VECTOR(5),
    MATRIX_BY_SCALAR(6),
    /** Beyond the tutorial: d vec F = J d vec X with J = ∂vec F/∂(vec X)ᵀ (Magnus and Neudecker), for a matrix or
     *  row-vector function or a matrix variable, where the tutorial's derivative would be a tensor. */
    VEC(28);

    private final int equation;

    Form(int equation) {
        this.equation = equation;
    }

    /** The identity number (1–6 of the catalogue, 28 for the vec form) that this form reads off with. */
    public int equation() {
        return equation;
    }
}
