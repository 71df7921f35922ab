package dev.mcd.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.expr.Expr;
import dev.mcd.testkit.CaseLine;
import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every node's tangent, and so every Fn's, against central finite differences of the value along
 * the point's directions (all variables move), at three random points per case (tangents.txt).
 */
class TangentTest {
    static Stream<CaseLine> cases() {
        return Cases.lines("tangents.txt").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tangentMatchesFiniteDifferences(CaseLine c) {
        String line = c.text();
        Expr e = Cases.parse(line);
        for (int i = 0; i < 3; i++) {
            Point p = RandomPoint.draw(List.of(e), name -> true, RandomPoint.seedOf(line), i);
            Dual dual = Evaluator.evaluate(e, p);
            assertTrue(Mat.finite(dual.value()), () -> line + " is not finite");
            DMatrixRMaj fd = centralDifference(e, p, 1e-5);
            Discrepancy dis = Discrepancy.between(fd, dual.tangent(), 1e-8 * Math.max(1, Mat.maxAbs(dual.value())));
            final int k = i;
            assertTrue(dis.within(1e-6), () -> line + " at point " + (k + 1) + ": " + dis.describe());
        }
    }

    /** Moves every variable along its direction at once. */
    static DMatrixRMaj centralDifference(Expr e, Point p, double h) {
        Point plus = p;
        Point minus = p;
        for (var d : p.directions().entrySet()) {
            DMatrixRMaj x = p.values().get(d.getKey());
            plus = plus.with(d.getKey(), Mat.add(x, Mat.scale(h, d.getValue())));
            minus = minus.with(d.getKey(), Mat.sub(x, Mat.scale(h, d.getValue())));
        }
        DMatrixRMaj f1 = Evaluator.evaluate(e, plus).value();
        DMatrixRMaj f0 = Evaluator.evaluate(e, minus).value();
        return Mat.scale(1 / (2 * h), Mat.sub(f1, f0));
    }
}
