package dev.mcd.print;

/**
 * The small functions a generated NumPy module defines when it needs them, e.g. {@code _sigmoid},
 * so that an argument is evaluated once even where the formula uses it twice (s*(1-s)).
 */
enum PyHelper {
    /** A 1×1 array or a number as a Python float; fails loudly on anything larger. */
    SCALAR("_scalar", """
            def _scalar(a):
                return float(np.asarray(a, dtype=float).item())
            """),
    SIGMOID("_sigmoid", """
            def _sigmoid(a):
                return 1 / (1 + np.exp(-a))
            """),
    /** sigmoid'(a) = s(1 - s). */
    SIGMOID_PRIME("_sigmoid_prime", """
            def _sigmoid_prime(a):
                s = _sigmoid(a)
                return s * (1 - s)
            """),
    /** adj(X) = |X| X^-1 (eq. 18), for an invertible X. */
    ADJ("_adj", """
            def _adj(a):
                return np.linalg.det(a) * np.linalg.inv(a)
            """);

    private final String name;
    private final String source;

    PyHelper(String name, String source) {
        this.name = name;
        this.source = source;
    }

    /** {@code _sigmoid(arg)}. */
    String call(String arg) {
        return name + "(" + arg + ")";
    }

    String functionName() {
        return name;
    }

    String source() {
        return source;
    }
}
