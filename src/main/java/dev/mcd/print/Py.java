package dev.mcd.print;

/**
 * A Python expression and how tightly it binds, e.g. {@code W @ x + b} at {@link #SUM}; Python's
 * own grammar, where {@code -x**2} is {@code -(x**2)}.
 */
record Py(String text, int prec) {
    static final int SUM = 1;
    /** {@code *}, {@code @}, {@code /}: one level, left to right. */
    static final int PRODUCT = 2;
    static final int UNARY = 3;
    static final int POWER = 4;
    /** Names, literals, calls, {@code .T}, anything in parentheses. */
    static final int ATOM = 5;

    static Py atom(String text) {
        return new Py(text, ATOM);
    }

    /** This expression, in parentheses when it binds looser than {@code min}. */
    String at(int min) {
        return prec >= min ? text : "(" + text + ")";
    }
}
