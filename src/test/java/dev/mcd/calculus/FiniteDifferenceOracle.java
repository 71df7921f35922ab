package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import dev.mcd.verify.Evaluator;
import dev.mcd.verify.Point;
import org.ejml.data.DMatrixRMaj;

/**
 * The derivative of f by one variable in numerator layout, from values of f alone: one
 * Richardson-extrapolated central difference per entry of the variable, then the entries laid
 * out as content/notation.md says. It never looks at the engine's steps or result, so it is
 * an independent oracle. Example: f = x'*x at x = [1, 2]' gives the row [2, 4].
 */
final class FiniteDifferenceOracle {
    /** Large enough that rounding (ε|f|/h ≈ 1e-13) is small, small enough that h⁴ truncation is too. */
    private static final double H = 1e-3;

    private FiniteDifferenceOracle() {}

    static DMatrixRMaj derivative(Expr f, String wrt, Point p) {
        DMatrixRMaj x = p.values().get(wrt);
        DMatrixRMaj fx = value(f, p);
        int m = fx.numRows;
        int k = fx.numCols;
        int r = x.numRows;
        int c = x.numCols;
        if (r == 1 && c == 1) {
            return partial(f, wrt, p, 0, 0); // by a scalar: the shape of f (eqs. 1, 4, 6)
        }
        if (m == 1 && k == 1) {
            DMatrixRMaj g = new DMatrixRMaj(c, r); // scalar by p×q: q×p, entry (j,i) = ∂f/∂x_ij (eqs. 2, 3)
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    g.set(j, i, partial(f, wrt, p, i, j).get(0, 0));
                }
            }
            return g;
        }
        if (k == 1 && c == 1) {
            DMatrixRMaj jac = new DMatrixRMaj(m, r); // vector by vector: the Jacobian (eq. 5)
            for (int j = 0; j < r; j++) {
                DMatrixRMaj col = partial(f, wrt, p, j, 0);
                for (int i = 0; i < m; i++) {
                    jac.set(i, j, col.get(i, 0));
                }
            }
            return jac;
        }
        throw new IllegalArgumentException("a " + m + "×" + k + " function by a " + r + "×" + c
                + " variable is a tensor, not a matrix");
    }

    /** ∂f/∂x_ij, shaped like f. */
    private static DMatrixRMaj partial(Expr f, String wrt, Point p, int i, int j) {
        double h = H * Math.max(1, Math.abs(p.values().get(wrt).get(i, j)));
        DMatrixRMaj wide = central(f, wrt, p, i, j, h);
        DMatrixRMaj narrow = central(f, wrt, p, i, j, h / 2);
        DMatrixRMaj out = new DMatrixRMaj(wide.numRows, wide.numCols);
        for (int e = 0; e < out.data.length; e++) {
            out.data[e] = (4 * narrow.data[e] - wide.data[e]) / 3;
        }
        return out;
    }

    private static DMatrixRMaj central(Expr f, String wrt, Point p, int i, int j, double h) {
        DMatrixRMaj plus = value(f, moved(p, wrt, i, j, h));
        DMatrixRMaj minus = value(f, moved(p, wrt, i, j, -h));
        DMatrixRMaj out = new DMatrixRMaj(plus.numRows, plus.numCols);
        for (int e = 0; e < out.data.length; e++) {
            out.data[e] = (plus.data[e] - minus.data[e]) / (2 * h);
        }
        return out;
    }

    private static Point moved(Point p, String wrt, int i, int j, double h) {
        DMatrixRMaj x = p.values().get(wrt).copy();
        x.set(i, j, x.get(i, j) + h);
        return p.with(wrt, x);
    }

    static DMatrixRMaj value(Expr f, Point p) {
        return Evaluator.evaluate(f, p).value();
    }
}
