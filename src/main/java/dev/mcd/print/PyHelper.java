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
    /** adj(X) from cofactors, so that it is defined for a singular X too (|X| X^-1 is not). */
    ADJ("_adj", """
            def _adj(a):
                a = np.asarray(a, dtype=float)
                n = a.shape[0]
                if n == 1:
                    return np.ones((1, 1))
                c = np.empty((n, n))
                for i in range(n):
                    for j in range(n):
                        minor = np.delete(np.delete(a, i, axis=0), j, axis=1)
                        c[j, i] = (-1) ** (i + j) * np.linalg.det(minor)
                return c
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
