package dev.mcd.verify;

import dev.mcd.calculus.Symmetric;
import dev.mcd.expr.Expr;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * A random point made symmetric where the declarations say so ({@code S: symmetric}): value and
 * direction become (M + M')/2, so every check of a symmetric variable runs on symmetric points and
 * along symmetric directions, e.g. tr(A S) by S is checked against sym(A), never against A.
 */
final class Symmetrize {
    private Symmetrize() {}

    /** premises: the declarations' premises only, never the function (which might look like one). */
    static Point of(Point p, List<Expr> premises) {
        for (String name : Symmetric.names(premises)) {
            DMatrixRMaj v = p.values().get(name);
            if (v == null || v.numRows != v.numCols) {
                continue;
            }
            p = p.with(name, Mat.scale(0.5, Mat.add(v, Mat.t(v))));
            DMatrixRMaj dir = p.directions().get(name);
            if (dir != null) {
                p = p.withDirection(name, Mat.scale(0.5, Mat.add(dir, Mat.t(dir))));
            }
        }
        return p;
    }
}
