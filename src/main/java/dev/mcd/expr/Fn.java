package dev.mcd.expr;

import java.util.Optional;

/**
 * The built-in functions of the expression language, e.g. {@code tr(X)}, {@code log(x)}: one entry
 * per function, read by the parser (its name), the shape checker, the rules, the evaluator and the
 * printers. The element-wise ones act on each entry of a vector or matrix (eq. 19 applies to them)
 * and are data: their {@link ScalarFunction} holds the value, the derivative, the domain, f(0),
 * TeX and NumPy, so adding one is adding an entry here. The others each have a {@link Family} of
 * their own, on which every stage switches, since each needs its own matrix calculus.
 */
public enum Fn {
    TR("tr", Family.TRACE, true), DET("det", Family.DETERMINANT, true), ADJ("adj", Family.ADJUGATE, false),
    LOG("log", new ScalarFunction(Math::log, "x^-1", false, true, false,
            "\\ln", "\\ln'", "np.log(#)", "1 / #")),
    EXP("exp", new ScalarFunction(Math::exp, "exp(x)", false, false, false,
            "\\exp", "\\exp'", "np.exp(#)", "np.exp(#)")),
    SIN("sin", new ScalarFunction(Math::sin, "cos(x)", false, false, true,
            "\\sin", "\\sin'", "np.sin(#)", "np.cos(#)")),
    COS("cos", new ScalarFunction(Math::cos, "-sin(x)", false, false, false,
            "\\cos", "\\cos'", "np.cos(#)", "-np.sin(#)")),
    TANH("tanh", new ScalarFunction(Math::tanh, "1 - tanh(x)^2", true, false, true,
            "\\tanh", "\\tanh'", "np.tanh(#)", "1 - np.tanh(#) ** 2")),
    SQRT("sqrt", new ScalarFunction(Math::sqrt, "0.5*x^-0.5", false, true, true,
            "\\sqrt{#}", "(\\sqrt{\\cdot})'", "np.sqrt(#)", "0.5 / np.sqrt(#)")),
    ABS("abs", new ScalarFunction(Math::abs, "x/abs(x)", true, false, true,
            "|#|", "|\\cdot|'", "np.abs(#)", "np.sign(#)",
            new ScalarFunction.Explicit(Math::signum, x -> 0))),
    SIGMOID("sigmoid", new ScalarFunction(x -> 1 / (1 + Math.exp(-x)), "sigmoid(x)*(1 - sigmoid(x))", true, false, false,
            "\\sigma", "\\sigma'", "_sigmoid(#)", "_sigmoid_prime(#)")),
    /**
     * log(1 + x), accurate for small x; defined above −1, its points are drawn positive all the same
     * (drawPositive steers sampling only). Of a vector, f' is written out with the 1 as a column of
     * ones, (ones + x).^-1; of a matrix it stays primed (no all-ones matrix in the language).
     */
    LOG1P("log1p", new ScalarFunction(Math::log1p, "(1 + x)^-1", false, true, true,
            "\\operatorname{log1p}", "\\operatorname{log1p}'", "np.log1p(#)", "1 / (1 + #)")),
    /** log(1 + e^x), a smooth ReLU; its derivative is the sigmoid. */
    SOFTPLUS("softplus", new ScalarFunction(x -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), "sigmoid(x)", false, false, false,
            "\\operatorname{softplus}", "\\operatorname{softplus}'", "np.logaddexp(0, #)", "_sigmoid(#)")),
    /** Sum of all entries: sum(x) = 1'x. */
    SUM("sum", Family.SUM, true),
    /** Euclidean norm of a vector, ||x||_2. */
    NORM2("norm2", Family.NORM2, true),
    /** Frobenius norm of a matrix, ||X||_F. */
    NORMF("normF", Family.FROBENIUS, true),
    /** diag(x) of a vector is the diagonal matrix; diag(X) of a matrix is its diagonal as a vector. */
    DIAG("diag", Family.DIAG, true),
    /** Stacks the columns of a matrix into one vector. */
    VEC("vec", Family.VEC, true);

    /**
     * How a stage must treat a function: every element-wise one alike, from its data, and each other
     * function by its own code (a new family breaks every {@code switch} on it at compile time).
     */
    public enum Family { ELEMENTWISE, TRACE, DETERMINANT, ADJUGATE, SUM, NORM2, FROBENIUS, DIAG, VEC }

    private final String source;
    private final Family family;
    private final boolean vanishesAtZero;
    private final ScalarFunction scalar;
    /**
     * The derivative template, parsed on first use (the parser reads this enum, so not while it loads).
     * Two threads may both parse it; either result is the same immutable tree, so the race is benign.
     */
    private Expr derivative;

    Fn(String source, Family family, boolean vanishesAtZero) {
        this.source = source;
        this.family = family;
        this.vanishesAtZero = vanishesAtZero;
        this.scalar = null;
    }

    Fn(String source, ScalarFunction scalar) {
        this.source = source;
        this.family = Family.ELEMENTWISE;
        this.vanishesAtZero = scalar.zeroAtZero();
        this.scalar = scalar;
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

    public Family family() {
        return family;
    }

    public boolean elementwise() {
        return family == Family.ELEMENTWISE;
    }

    /** The data of an element-wise function; asking a matrix function is a bug in the caller. */
    public ScalarFunction scalar() {
        if (scalar == null) {
            throw new IllegalStateException(source + " is not element-wise");
        }
        return scalar;
    }

    /** f'(x) of an element-wise function as an expression in the scalar {@link ScalarFunction#VARIABLE}. */
    public Expr derivative() {
        if (derivative == null) {
            derivative = Parser.parse(scalar().derivative(), Decls.parse(ScalarFunction.VARIABLE + ": scalar")).expr();
        }
        return derivative;
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
