package dev.mcd.expr;

import java.util.Optional;

/**
 * The built-in functions of the expression language, e.g. {@code tr(X)}, {@code log(x)}.
 * Element-wise ones act on each entry of a vector or matrix (eq. 19 applies to them).
 */
public enum Fn {
    TR("tr", false), DET("det", false), ADJ("adj", false),
    LOG("log", true), EXP("exp", true), SIN("sin", true), COS("cos", true),
    TANH("tanh", true), SQRT("sqrt", true), ABS("abs", true), SIGMOID("sigmoid", true),
    /** Sum of all entries: sum(x) = 1'x. */
    SUM("sum", false),
    /** Euclidean norm of a vector, ||x||_2. */
    NORM2("norm2", false),
    /** Frobenius norm of a matrix, ||X||_F. */
    NORMF("normF", false),
    /** diag(x) of a vector is the diagonal matrix; diag(X) of a matrix is its diagonal as a vector. */
    DIAG("diag", false),
    /** Stacks the columns of a matrix into one vector. */
    VEC("vec", false);

    private final String source;
    private final boolean elementwise;

    Fn(String source, boolean elementwise) {
        this.source = source;
        this.elementwise = elementwise;
    }

    /** The name as written in the expression language. */
    public String source() {
        return source;
    }

    public boolean elementwise() {
        return elementwise;
    }

    public static Optional<Fn> bySource(String name) {
        for (Fn f : values()) {
            if (f.source.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
