package dev.mcd.calculus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mcd.expr.Expr;
import dev.mcd.verify.Evaluator;
import dev.mcd.verify.Point;
import dev.mcd.verify.RandomPoint;
import dev.mcd.verify.VerificationException;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Compares an engine result with {@link FiniteDifferenceOracle} at a few seeded random points and
 * returns the points with the oracle's values (for the NumPy cross-check). Example: for x'*x by x
 * the result 2*x' must match the entry-wise differences of x'*x to 1e-6.
 */
final class OracleCheck {
    static final double TOLERANCE = 1e-6;
    static final int POINTS = 3;
    private static final int ATTEMPTS = 8;

    /** A point and the oracle's derivative there. */
    record Sample(Point point, DMatrixRMaj derivative) {}

    private OracleCheck() {}

    static List<Sample> check(Expr f, Expr.Var wrt, Expr result, List<Expr> alsoDefined, String label) {
        List<Expr> roots = new ArrayList<>(List.of(f, wrt, result));
        roots.addAll(alsoDefined);
        long seed = RandomPoint.seedOf("oracle " + label);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) {
            out.add(checkPoint(f, wrt, result, roots, seed, i, label));
        }
        return out;
    }

    private static Sample checkPoint(Expr f, Expr.Var wrt, Expr result, List<Expr> roots, long seed, int index, String label) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // constants and the variable alike get values; no directions: the oracle moves entries itself
            Point p;
            try {
                p = RandomPoint.draw(roots, name -> false, seed, index + POINTS * attempt);
            } catch (VerificationException e) {
                continue; // the random sizes did not fit together (a Kronecker product under a trace): redraw
            }
            DMatrixRMaj fd = FiniteDifferenceOracle.derivative(f, wrt.name(), p);
            if (!finite(fd) || !finite(FiniteDifferenceOracle.value(f, p))) {
                continue; // outside the function's domain, e.g. a singular matrix: redraw
            }
            DMatrixRMaj engine;
            try {
                engine = Evaluator.evaluate(result, p, fd.numRows, fd.numCols).results().getFirst().value();
            } catch (VerificationException e) {
                return fail(label + ": the result cannot have the derivative's shape " + fd.numRows + "×" + fd.numCols
                        + ": " + e.getMessage());
            }
            assertEquals(fd.numRows + "×" + fd.numCols, engine.numRows + "×" + engine.numCols, label + ": shape of the result");
            double scale = Math.max(1, maxAbs(fd));
            double err = 0;
            for (int e = 0; e < fd.data.length; e++) {
                err = Math.max(err, Math.abs(fd.data[e] - engine.data[e]));
            }
            if (err > TOLERANCE * scale) {
                fail(label + ": engine result differs from finite differences by " + err + " (scale " + scale + ")\n  engine "
                        + engine + "\n  finite differences " + fd);
            }
            return new Sample(p, fd);
        }
        return fail(label + ": no point found where the function is defined");
    }

    static double maxAbs(DMatrixRMaj m) {
        double a = 0;
        for (double v : m.data) {
            a = Math.max(a, Math.abs(v));
        }
        return a;
    }

    static boolean finite(DMatrixRMaj m) {
        for (double v : m.data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
