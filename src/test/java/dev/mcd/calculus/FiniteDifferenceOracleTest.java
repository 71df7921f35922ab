package dev.mcd.calculus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mcd.expr.Decls;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Parser;
import dev.mcd.verify.Point;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The oracle the identity cases rely on gives known numerator-layout values and rejects wrong
 * results: x'*x at x = [1, 2]' is the row [2, 4]; a'*X*b by X is b*a' (q×p, not p×q).
 */
class FiniteDifferenceOracleTest {
    private static Expr parse(String src, String where) {
        return Parser.parse(src, Decls.parse(where)).expr();
    }

    @Test
    void scalarByVectorIsARow() {
        Point p = Point.of(Map.of("x", new DMatrixRMaj(new double[][] {{1}, {2}})), Map.of());
        DMatrixRMaj g = FiniteDifferenceOracle.derivative(parse("x'*x", "x: vector"), "x", p);
        assertEquals(1, g.numRows);
        assertArrayEquals(new double[] {2, 4}, g.data, 1e-9);
    }

    @Test
    void scalarByMatrixIsTheTransposeOfTheGradient() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1}, {2}, {3}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{5}, {7}});
        Point p = Point.of(Map.of("a", a, "b", b, "X", new DMatrixRMaj(3, 2)), Map.of());
        DMatrixRMaj g = FiniteDifferenceOracle.derivative(parse("a'*X*b", "a: vector, X: matrix, b: vector"), "X", p);
        // d(a'Xb) = tr(b a' dX): G = b a', 2×3
        assertEquals(2, g.numRows);
        assertArrayEquals(new double[] {5, 10, 15, 7, 14, 21}, g.data, 1e-9);
    }

    @Test
    void vectorByVectorIsTheJacobian() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Point p = Point.of(Map.of("A", a, "x", new DMatrixRMaj(new double[][] {{1}, {-1}})), Map.of());
        DMatrixRMaj g = FiniteDifferenceOracle.derivative(parse("A*x", "A: matrix, x: vector"), "x", p);
        assertArrayEquals(a.data, g.data, 1e-9);
    }

    @Test
    void aWrongResultFails() {
        Expr f = parse("x'*x", "x: vector");
        Expr.Var x = new Expr.Var("x", dev.mcd.expr.Kind.VECTOR);
        assertThrows(AssertionError.class, () -> OracleCheck.check(f, x, parse("x'", "x: vector"), List.of(), "x'x by x, claimed x'"));
        // the gradient in the wrong layout (a column) fails on its shape
        assertThrows(AssertionError.class, () -> OracleCheck.check(f, x, parse("2*x", "x: vector"), List.of(), "x'x by x, claimed 2x"));
    }
}
