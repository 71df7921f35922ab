package dev.mcd.verify;

/**
 * Derivatives of tanh of any order, the concrete instance of a generic element-wise sigma:
 * tanh^(k)(x) = P_k(tanh x) with P_0(t) = t and P_{k+1}(t) = P_k'(t)·(1 − t²); e.g.
 * tanh' = 1 − t², tanh'' = −2t(1 − t²).
 */
final class Tanh {
    private Tanh() {}

    /** The k-th derivative of tanh at x. */
    static double derivative(int k, double x) {
        double[] p = {0, 1}; // coefficients of P_0(t) = t, lowest power first
        for (int i = 0; i < k; i++) {
            p = next(p);
        }
        double t = Math.tanh(x);
        double v = 0;
        for (int i = p.length - 1; i >= 0; i--) {
            v = v * t + p[i];
        }
        return v;
    }

    private static double[] next(double[] p) {
        double[] q = new double[p.length + 1]; // P'(t)·(1 − t²) raises the degree by one
        for (int i = 1; i < p.length; i++) {
            double c = i * p[i]; // coefficient of t^(i-1) in P'
            q[i - 1] += c;
            q[i + 1] -= c;
        }
        return q;
    }
}
