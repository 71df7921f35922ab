package dev.mcd.expr;

import java.util.function.DoubleUnaryOperator;

/**
 * What the engine knows of an element-wise built-in, as data that every stage reads: e.g. for
 * {@code log}, the value {@code Math::log}, the derivative {@code x^-1} in the expression language
 * (x a scalar; applied entry by entry, eq. 19), arguments drawn positive, log(0) undefined, TeX
 * {@code \ln}, NumPy {@code np.log(#)}. A new element-wise function is one {@link Fn} entry with
 * one of these (and its tests).
 *
 * @param value       f at one entry
 * @param derivative  f'(x) for a scalar x, in the expression language; the evaluator and the NumPy
 *                    oracle's twin read it, and the differential rule (eq. 19) writes it out unless
 *                    {@code keepsPrime}
 * @param keepsPrime  the derivation shows f'(X) (as the tutorial writes σ'), not the formula
 * @param drawPositive random points draw this function's arguments positive. It steers sampling
 *                    only and is not the domain: it is set where the function or f' is undefined
 *                    at or below 0 (log, sqrt) and for log1p, defined above −1, whose points stay
 *                    positive too (well inside the domain; the table test covers (−1, 0)). Nothing
 *                    else reads it: a check at a point outside a domain sees NaN and redraws.
 * @param zeroAtZero  f(0) = 0, so f(0) may be simplified to 0
 * @param tex         TeX: a command applied to its argument ({@code \ln}, giving {@code \ln(x)}), or a
 *                    template where {@code #} stands for the argument ({@code \sqrt{#}}, {@code |#|}
 *                    for bars that stretch)
 * @param texPrime    TeX of f', e.g. {@code \ln'}
 * @param numpy       NumPy of f(a), {@code #} standing for a
 * @param numpyPrime  NumPy of f'(a), {@code #} standing for a
 * @param whereUndefined f' and f'' at the points where the template has no value although f' has
 *                    one (abs' = x/|x| is 0/0 at 0, where np.sign and the old hand-written table
 *                    give sign(0) = 0); null when the template is defined wherever f' is
 */
public record ScalarFunction(DoubleUnaryOperator value, String derivative, boolean keepsPrime, boolean drawPositive,
                             boolean zeroAtZero, String tex, String texPrime, String numpy, String numpyPrime,
                             Explicit whereUndefined) {
    /** The declarations a derivative template is parsed with: its one variable is the scalar x. */
    public static final String VARIABLE = "x";

    /**
     * f' and f'' as numbers, for the points where the template gives NaN (0/0): abs has
     * {@code Math::signum} and 0, so abs(X - X') with its zero diagonal evaluates like NumPy's np.sign.
     */
    public record Explicit(DoubleUnaryOperator prime, DoubleUnaryOperator second) {
        public Explicit {
            java.util.Objects.requireNonNull(prime);
            java.util.Objects.requireNonNull(second);
        }
    }

    /** An entry whose derivative template is defined wherever f' is (every entry but abs). */
    public ScalarFunction(DoubleUnaryOperator value, String derivative, boolean keepsPrime, boolean drawPositive,
                          boolean zeroAtZero, String tex, String texPrime, String numpy, String numpyPrime) {
        this(value, derivative, keepsPrime, drawPositive, zeroAtZero, tex, texPrime, numpy, numpyPrime, null);
    }

    public ScalarFunction {
        java.util.Objects.requireNonNull(value);
        for (String s : new String[] {derivative, tex, texPrime, numpy, numpyPrime}) {
            if (s == null || Chars.isBlank(s)) {
                throw new IllegalArgumentException("every column of an element-wise function is required");
            }
        }
        if (!numpy.contains("#") || !numpyPrime.contains("#")) {
            throw new IllegalArgumentException("a NumPy template needs # for its argument: " + numpy + ", " + numpyPrime);
        }
    }
}
