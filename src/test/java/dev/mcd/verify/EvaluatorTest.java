package dev.mcd.verify;

import static dev.mcd.verify.E.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Fn;
import dev.mcd.expr.Kind;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Evaluator values and tangents against numbers worked out by hand. */
class EvaluatorTest {
    private static final Expr.Var x = vector("x");
    private static final Expr.Var X = matrix("X");

    private static DMatrixRMaj col(double... v) {
        return new DMatrixRMaj(v.length, 1, true, v);
    }

    private static DMatrixRMaj m2(double a, double b, double c, double d) {
        return new DMatrixRMaj(2, 2, true, a, b, c, d);
    }

    private static final Point XP = Point.of(Map.of("x", col(1, 2)), Map.of("x", col(3, -1)));
    private static final Point MP = Point.of(Map.of("X", m2(1, 2, 3, 4)), Map.of("X", m2(1, 0, 0, 0)));

    private static double scalarValue(Expr e, Point p) {
        return Evaluator.evaluate(e, p).value().get(0, 0);
    }

    @Test
    void quadraticFormAndItsDifferential() {
        Dual q = Evaluator.evaluate(mul(t(x), x), XP);
        assertEquals(5, q.value().get(0, 0), 0); // 1 + 4
        assertEquals(2, q.tangent().get(0, 0), 0); // 2 x'dx = 2 (3 - 2)
        // the expanded step d(x')x + x'd(x) is the same number, computed from the Diff nodes
        assertEquals(2, scalarValue(add(mul(d(t(x)), x), mul(t(x), d(x))), XP), 0);
        assertEquals(2, scalarValue(mul(num(2), t(x), d(x)), XP), 0);
    }

    @Test
    void determinantInverseAndAdjugate() {
        assertEquals(-2, scalarValue(det(X), MP), 1e-12);
        // d det = tr(adj(X) dX) with dX = E11: adj = [[4, -2], [-3, 1]], so 4
        assertEquals(4, scalarValue(d(det(X)), MP), 1e-12);
        DMatrixRMaj inv = Evaluator.evaluate(inv(X), MP).value();
        assertEquals(-2, inv.get(0, 0), 1e-12);
        assertEquals(1, inv.get(0, 1), 1e-12);
        assertEquals(1.5, inv.get(1, 0), 1e-12);
        assertEquals(-0.5, inv.get(1, 1), 1e-12);
        DMatrixRMaj adj = Evaluator.evaluate(call(Fn.ADJ, X), MP).value();
        assertEquals(-3, adj.get(1, 0), 1e-12);
        // -X^-1 E11 X^-1: column 1 of X^-1 times row 1 of X^-1, negated; entry (1,1) = -(-2)(-2)
        assertEquals(-4, Evaluator.evaluate(d(inv(X)), MP).value().get(0, 0), 1e-12);
        assertEquals(10, scalarValue(call(Fn.SUM, X), MP), 0);
        assertEquals(5, scalarValue(tr(X), MP), 0);
        assertEquals(Math.sqrt(30), scalarValue(call(Fn.NORMF, X), MP), 1e-12);
    }

    @Test
    void identityZeroAndOnesTakeTheirSizeFromContext() {
        assertEquals(5, scalarValue(mul(t(x), new Expr.Identity(), x), XP), 0);
        assertEquals(3, scalarValue(mul(t(new Expr.Ones()), x), XP), 0);
        DMatrixRMaj sum = Evaluator.evaluate(add(X, new Expr.Identity(), new Expr.Zero()), MP).value();
        assertEquals(2, sum.get(0, 0), 0);
        assertEquals(2, sum.get(0, 1), 0);
        assertEquals(5, sum.get(1, 1), 0);
        // a lone 0 takes its size from the caller
        Evaluation zero = Evaluator.evaluate(new Expr.Zero(), MP, 3, 2);
        assertEquals(3, zero.results().getFirst().rows());
    }

    @Test
    void productsScaleByOneByOneFactorsAndKroneckerMultipliesSizes() {
        // (x'x) x: the 1×1 intermediate scales the vector
        DMatrixRMaj v = Evaluator.evaluate(mul(t(x), x, x), XP).value();
        assertEquals(5, v.get(0, 0), 0);
        assertEquals(10, v.get(1, 0), 0);
        DMatrixRMaj k = Evaluator.evaluate(new Expr.Kron(X, x), XP.with("X", m2(1, 2, 3, 4))).value();
        assertEquals(4, k.numRows);
        assertEquals(2, k.numCols);
        assertEquals(8, k.get(3, 1), 0); // 4 * x2
    }

    @Test
    void matrixPowersAndScalarPowers() {
        DMatrixRMaj sq = Evaluator.evaluate(pow(X, 2), MP).value();
        assertEquals(7, sq.get(0, 0), 0);
        assertEquals(22, sq.get(1, 1), 0);
        DMatrixRMaj invSq = Evaluator.evaluate(pow(X, -2), MP).value();
        assertEquals(5.5, invSq.get(0, 0), 1e-12); // (X^-1)^2 entry (1,1): 4 + 1.5
        Point tp = Point.of(Map.of("t", new DMatrixRMaj(1, 1, true, 3)), Map.of("t", new DMatrixRMaj(1, 1, true, 1)));
        Dual cube = Evaluator.evaluate(pow(scalar("t"), 3), tp);
        assertEquals(27, cube.value().get(0, 0), 1e-12);
        assertEquals(27, cube.tangent().get(0, 0), 1e-12);
    }

    @Test
    void abstractFunctionsUseTheirInstances() {
        Point p = XP.withFunction("l", new Instance.Scalar(Loss.HALF_SQUARES));
        Expr.Apply l = apply("l", x, Kind.SCALAR);
        assertEquals(2.5, scalarValue(l, p), 0);
        DMatrixRMaj g = Evaluator.evaluate(grad(l), p).value();
        assertEquals(1, g.numRows); // dl/dy of a vector is a row (numerator layout)
        assertEquals(2, g.get(0, 1), 0);
        Point lse = XP.withFunction("l", new Instance.Scalar(Loss.LOG_SUM_EXP));
        assertEquals(Math.log(Math.E + Math.exp(2)), scalarValue(l, lse), 1e-12);
        Dual s = Evaluator.evaluate(sigma(x, 1), XP);
        assertEquals(1 - Math.pow(Math.tanh(1), 2), s.value().get(0, 0), 1e-15);
    }

    @Test
    void aDifferentialInsideADifferentialIsRefused() {
        var e = assertThrows(VerificationException.class, () -> Evaluator.evaluate(d(mul(t(x), d(x))), XP));
        assertTrue(e.getMessage().contains("second differential"), e.getMessage());
    }

    @Test
    void mismatchedShapesAreReported() {
        var e = assertThrows(VerificationException.class, () -> Evaluator.evaluate(mul(X, x, x), MP.with("x", col(1, 2))));
        assertTrue(e.getMessage().contains("2"), e.getMessage());
    }
}
