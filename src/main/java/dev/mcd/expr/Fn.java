package dev.mcd.expr;

import java.util.Optional;

/**
 * The built-in functions of the expression language, e.g. {@code tr(X)}, {@code log(x)}.
 * Element-wise ones act on each entry of a vector or matrix (eq. 19 applies to them).
 */
public enum Fn {
    TR("tr", false, true), DET("det", false, true), ADJ("adj", false, false),
    LOG("log", true, false), EXP("exp", true, false), SIN("sin", true, true), COS("cos", true, false),
    TANH("tanh", true, true), SQRT("sqrt", true, true), ABS("abs", true, true), SIGMOID("sigmoid", true, false),
    /** Sum of all entries: sum(x) = 1'x. */
    SUM("sum", false, true),
    /** Euclidean norm of a vector, ||x||_2. */
    NORM2("norm2", false, true),
    /** Frobenius norm of a matrix, ||X||_F. */
    NORMF("normF", false, true),
    /** diag(x) of a vector is the diagonal matrix; diag(X) of a matrix is its diagonal as a vector. */
    DIAG("diag", false, true),
    /** Stacks the columns of a matrix into one vector. */
    VEC("vec", false, true);

    private final String source;
    private final boolean elementwise;
    private final boolean vanishesAtZero;

    Fn(String source, boolean elementwise, boolean vanishesAtZero) {
        this.source = source;
        this.elementwise = elementwise;
        this.vanishesAtZero = vanishesAtZero;
    }

    /**
     * Whether f(0) = 0 by the function's definition, so f(0) may be simplified to 0: true for tr,
     * sin, sum, ...; false for exp and cos (1), sigmoid (1/2), log (undefined) and adj (adj of a 1×1 is 1).
     */
    public boolean vanishesAtZero() {
        return vanishesAtZero;
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
