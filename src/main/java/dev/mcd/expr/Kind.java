package dev.mcd.expr;

/**
 * What a name or function value is: the tutorial's x (scalar), bold x (column vector)
 * and bold X (matrix). Shapes refine a kind with symbolic sizes (see {@link Shape}).
 */
public enum Kind {
    SCALAR, VECTOR, MATRIX;

    /** The default of the expression language: upper-case names are matrices, lower-case names vectors. */
    public static Kind defaultFor(String name) {
        return Chars.isUpperCase(name.codePointAt(0)) ? MATRIX : VECTOR;
    }
}
