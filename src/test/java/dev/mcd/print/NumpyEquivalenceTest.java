package dev.mcd.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.expr.Shape;
import dev.mcd.testkit.CaseFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The pairs of {@code print/numpy-cases.txt}: two equal expressions export to modules that agree in python3. */
class NumpyEquivalenceTest {
    record Pair(int line, String where, String left, String right) {
        @Override
        public String toString() {
            return line + ": " + left + " == " + right;
        }
    }

    static List<Pair> pairs() {
        return CaseFile.read("print/numpy-cases.txt").stream().map(c -> {
            List<String> sides = c.fields(" == ", 2);
            return new Pair(c.number(), c.where(), sides.get(0), sides.get(1));
        }).toList();
    }

    /** Both sides of every pair, exported and run in one python3 process. */
    private static List<Side[]> results;

    /** One side of a pair: its module, the shape its node has, and what python3 returned. */
    record Side(String module, int rows, int cols, boolean scalar, PythonRunner.Value value) {}

    private static synchronized List<Side[]> results() throws IOException {
        if (results == null) {
            List<Pair> pairs = pairs();
            List<String[]> modules = new ArrayList<>();
            List<int[]> sizes = new ArrayList<>();
            List<PythonRunner.Job> jobs = new ArrayList<>();
            for (Pair pair : pairs) {
                Inputs inputs = Inputs.parse(pair.where());
                String json = inputs.json(inputs.draw(new Random(pair.line())));
                for (Inputs.Checked checked : inputs.checkPair(pair.left(), pair.right())) {
                    String module = inputs.module(checked);
                    Shape shape = checked.shapes().of(checked.expr());
                    modules.add(new String[] {module});
                    sizes.add(new int[] {inputs.size(shape.rows()), inputs.size(shape.cols()), shape.isScalar() ? 1 : 0});
                    jobs.add(new PythonRunner.Job(module, json));
                }
            }
            List<PythonRunner.Value> values = PythonRunner.evaluate(jobs);
            results = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i += 2) {
                results.add(new Side[] {side(modules.get(i)[0], sizes.get(i), values.get(i)),
                    side(modules.get(i + 1)[0], sizes.get(i + 1), values.get(i + 1))});
            }
        }
        return results;
    }

    private static Side side(String module, int[] size, PythonRunner.Value value) {
        return new Side(module, size[0], size[1], size[2] == 1, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void equalExpressionsExportToEqualValues(Pair pair) throws IOException {
        PythonRunner.assumeNumpy();
        List<Pair> all = pairs();
        Side[] sides = results().get(all.indexOf(pair));
        String where = "numpy-cases.txt:" + pair.line();
        for (Side side : sides) {
            PythonRunner.Value v = side.value();
            assertEquals(null, v.problem(), where + "\n" + side.module());
            // The contract: a 1×1 result is a float, anything else a 2-D array of the node's size.
            assertEquals(side.scalar() ? "float" : "array", v.type(), where + "\n" + side.module());
            assertEquals(side.rows(), v.matrix().numRows, where + "\n" + side.module());
            assertEquals(side.cols(), v.matrix().numCols, where + "\n" + side.module());
        }
        assertClose(sides[0].value().matrix(), sides[1].value().matrix(), where + "\n" + sides[0].module() + "\n" + sides[1].module());
    }

    static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, String where) {
        double scale = 1;
        for (double d : expected.data) {
            scale = Math.max(scale, Math.abs(d));
        }
        for (int i = 0; i < expected.getNumElements(); i++) {
            double e = expected.data[i];
            double a = actual.data[i];
            assertTrue(Math.abs(e - a) <= 1e-9 * scale, where + ": entry " + i + " expected " + e + " but was " + a);
        }
    }
}
