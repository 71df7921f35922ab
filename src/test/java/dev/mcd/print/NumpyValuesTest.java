package dev.mcd.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

/** Exported modules compute what EJML computes for the same expression, written out by hand in Java. */
class NumpyValuesTest {
    private record Case(String where, String expr, Function<Map<String, DMatrixRMaj>, DMatrixRMaj> expected) {}

    private static final List<Case> CASES = List.of(
            // Example 2 of the tutorial: d||Wx + b||^2 / dW = 2x(Wx + b)'.
            new Case("x: n×1, W: m×n, b: m×1", "2*x*(W*x + b)'", v -> {
                DMatrixRMaj y = plus(times(v.get("W"), v.get("x")), v.get("b"));
                return scale(2, times(v.get("x"), transpose(y)));
            }),
            new Case("X: n×n spd", "inv(X)", v -> inverse(v.get("X"))),
            new Case("X: n×n spd", "log(det(X))", v -> scalar(Math.log(CommonOps_DDRM.det(v.get("X"))))),
            new Case("X: n×n spd", "adj(X)", v -> scale(CommonOps_DDRM.det(v.get("X")), inverse(v.get("X")))),
            new Case("A: n×m, B: p×q", "kron(A, B)", v -> CommonOps_DDRM.kron(v.get("A"), v.get("B"), null)),
            new Case("X: n×m", "vec(X)", v -> {
                DMatrixRMaj x = v.get("X");
                DMatrixRMaj out = new DMatrixRMaj(x.numRows * x.numCols, 1);
                for (int j = 0; j < x.numCols; j++) {
                    for (int i = 0; i < x.numRows; i++) {
                        out.set(j * x.numRows + i, 0, x.get(i, j));
                    }
                }
                return out;
            }),
            new Case("X: n×n", "diag(X)", v -> {
                DMatrixRMaj out = new DMatrixRMaj(v.get("X").numRows, 1);
                CommonOps_DDRM.extractDiag(v.get("X"), out);
                return out;
            }),
            new Case("x: n×1", "diag(x)", v -> CommonOps_DDRM.diag(v.get("x").data)),
            new Case("A: n×n", "tr(A)*I + A", v -> plus(scale(CommonOps_DDRM.trace(v.get("A")),
                    CommonOps_DDRM.identity(v.get("A").numRows)), v.get("A"))),
            new Case("X: n×m", "tanh(X)", v -> map(v.get("X"), Math::tanh)),
            new Case("x: n×1, A: n×n", "x'*A*x", v -> times(transpose(v.get("x")), times(v.get("A"), v.get("x")))),
            new Case("x: n×1 pos", "sum(log(x))", v -> scalar(CommonOps_DDRM.elementSum(map(v.get("x"), Math::log)))),
            new Case("t: 1×1, x: n×1", "t*x + sigmoid'(x)", v -> plus(scale(v.get("t").get(0), v.get("x")),
                    map(v.get("x"), a -> Math.exp(-a) / Math.pow(1 + Math.exp(-a), 2)))),
            new Case("X: n×m, x: n×1", "normF(X) + norm2(x)",
                    v -> scalar(NormOps_DDRM.normF(v.get("X")) + NormOps_DDRM.normF(v.get("x")))),
            new Case("A: m×n, x: n×1", "(A*x)'", v -> transpose(times(v.get("A"), v.get("x")))),
            new Case("X: n×n spd, t: 1×1 pos", "X^2/t^0.5",
                    v -> scale(1 / Math.sqrt(v.get("t").get(0)), times(v.get("X"), v.get("X")))));

    @Test
    void modulesComputeWhatEjmlComputes() {
        PythonRunner.assumeNumpy();
        List<PythonRunner.Job> jobs = new ArrayList<>();
        List<DMatrixRMaj> expected = new ArrayList<>();
        List<String> modules = new ArrayList<>();
        Random random = new Random(42);
        for (Case c : CASES) {
            Inputs inputs = Inputs.parse(c.where());
            Map<String, DMatrixRMaj> values = inputs.draw(random);
            String module = inputs.module(inputs.check(c.expr()));
            modules.add(module);
            jobs.add(new PythonRunner.Job(module, inputs.json(values)));
            expected.add(c.expected().apply(values));
        }
        List<PythonRunner.Value> actual = PythonRunner.evaluate(jobs);
        for (int i = 0; i < CASES.size(); i++) {
            String where = CASES.get(i).expr() + "\n" + modules.get(i);
            PythonRunner.Value value = actual.get(i);
            DMatrixRMaj e = expected.get(i);
            assertEquals(null, value.problem(), where);
            assertEquals(e.numRows == 1 && e.numCols == 1 ? "float" : "array", value.type(), where);
            assertEquals(e.numRows, value.matrix().numRows, where);
            assertEquals(e.numCols, value.matrix().numCols, where);
            NumpyEquivalenceTest.assertClose(e, value.matrix(), where);
        }
    }

    private static DMatrixRMaj scalar(double v) {
        return new DMatrixRMaj(1, 1, true, v);
    }

    private static DMatrixRMaj times(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, out);
        return out;
    }

    private static DMatrixRMaj plus(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.add(a, b, out);
        return out;
    }

    private static DMatrixRMaj scale(double s, DMatrixRMaj a) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.scale(s, a, out);
        return out;
    }

    private static DMatrixRMaj transpose(DMatrixRMaj a) {
        return CommonOps_DDRM.transpose(a, null);
    }

    private static DMatrixRMaj inverse(DMatrixRMaj a) {
        DMatrixRMaj out = a.copy();
        if (!CommonOps_DDRM.invert(out)) {
            throw new IllegalStateException("singular test matrix");
        }
        return out;
    }

    private static DMatrixRMaj map(DMatrixRMaj a, java.util.function.DoubleUnaryOperator f) {
        DMatrixRMaj out = a.copy();
        for (int i = 0; i < out.getNumElements(); i++) {
            out.data[i] = f.applyAsDouble(out.data[i]);
        }
        return out;
    }
}
