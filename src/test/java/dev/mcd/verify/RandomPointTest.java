package dev.mcd.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.expr.Expr;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Test;

/** Random points: seeded, sized in 2..4 with shared names agreeing, and inside each variable's domain. */
class RandomPointTest {
    private static Point draw(String source, String where, int index) {
        Expr e = Cases.parse(source, where);
        return RandomPoint.draw(List.of(e), EqualityCheck::varies, RandomPoint.seedOf(source), index);
    }

    @Test
    void sameInputsGiveTheSamePoint() {
        Point a = draw("x'*A*x + tr(X)", "", 0);
        Point b = draw("x'*A*x + tr(X)", "", 0);
        for (String name : List.of("A", "X", "x")) {
            assertTrue(MatrixFeatures_DDRM.isIdentical(a.values().get(name), b.values().get(name), 0), name);
        }
        Point c = draw("x'*A*x + tr(X)", "", 1);
        assertNotEquals(a.values().get("x").get(0, 0), c.values().get("x").get(0, 0));
    }

    @Test
    void sizesAreUnifiedAndBetweenTwoAndSix() {
        for (int i = 0; i < 10; i++) {
            Point p = draw("x'*A*x + tr(X) + t", "t: scalar", i);
            DMatrixRMaj x = p.values().get("x");
            DMatrixRMaj a = p.values().get("A");
            assertEquals(1, x.numCols);
            assertTrue(x.numRows >= 2 && x.numRows <= 6, "size " + x.numRows);
            assertNotEquals(x.numRows, p.values().get("X").numRows, "independent dimensions get different sizes");
            assertEquals(x.numRows, a.numRows);
            assertEquals(x.numRows, a.numCols);
            assertEquals(p.values().get("X").numRows, p.values().get("X").numCols);
            assertEquals(1, p.values().get("t").getNumElements());
        }
    }

    @Test
    void onlyVaryingVariablesGetDirections() {
        Point p = draw("x'*A*x", "", 0);
        assertEquals(List.of("x"), List.copyOf(p.directions().keySet()));
    }

    @Test
    void logDetArgumentsArePositiveDefiniteButNotSymmetric() {
        for (int i = 0; i < 10; i++) {
            DMatrixRMaj x = draw("log(det(X)) + tr(inv(Y))", "", i).values().get("X");
            DMatrixRMaj sym = Mat.add(x, Mat.t(x));
            assertTrue(DecompositionFactory_DDRM.chol(x.numRows, true).decompose(sym.copy()), "X + X' is positive definite");
            assertTrue(Mat.det(x) > 0);
            assertFalse(Mat.sameShape(x, sym) && Mat.maxAbs(Mat.sub(x, Mat.t(x))) == 0, "not symmetric");
        }
    }

    @Test
    void logAndSqrtArgumentsArePositive() {
        for (int i = 0; i < 10; i++) {
            Point p = draw("sum(log(A*x)) + sqrt(t) + sum(y .^ 0.5)", "t: scalar", i);
            for (String name : List.of("A", "x", "t", "y")) {
                DMatrixRMaj v = p.values().get(name);
                for (double d : v.data) {
                    assertTrue(d > 0, name + " has " + d);
                }
            }
        }
    }

    @Test
    void abstractFunctionsGetInstancesSizedByTheirUse() {
        Point p = draw("z(y(x))", "y: vector", 0);
        Instance.Squashed y = assertInstanceOf(Instance.Squashed.class, p.functions().get("y"));
        assertEquals(p.values().get("x").numRows, y.coupling().numCols);
        assertInstanceOf(Instance.Scalar.class, p.functions().get("z"));
        // both losses are used across the points
        Loss first = ((Instance.Scalar) draw("l(x)", "", 0).functions().get("l")).loss();
        Loss second = ((Instance.Scalar) draw("l(x)", "", 1).functions().get("l")).loss();
        assertNotEquals(first, second);
    }
}
