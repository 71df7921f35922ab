package dev.mcd.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.expr.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a NumPy module says, without running it: its reading of v, its sizes, its refusals. */
class NumpyPrinterTest {
    private static String module(String where, String expr, List<String> parameters) {
        Inputs inputs = Inputs.parse(where);
        Sx.Parsed parsed = Sx.read(expr);
        return new NumpyPrinter(new TestShapes(inputs.shapes(), parsed.sized()))
                .module(parsed.expr(), inputs.shapes(), parameters);
    }

    private static String body(String module) {
        return module.substring(module.indexOf("def derivative(**v):\n"));
    }

    @Test
    void readsParametersInOrderThenOtherUsedVariables() {
        String m = module("x: n×1, W: m×n, b: m×1, t: 1×1", "(* 2 x (' (+ (* W x) b)))", List.of("W", "t"));
        assertEquals("""
                def derivative(**v):
                    W = np.asarray(v['W'], dtype=float)
                    t = _scalar(v['t'])
                    b = np.asarray(v['b'], dtype=float).reshape(-1, 1)
                    x = np.asarray(v['x'], dtype=float).reshape(-1, 1)
                    return 2 * (x @ (W @ x + b).T)
                """, body(m));
    }

    @Test
    void aScalarResultIsReturnedAsAFloat() {
        String m = module("x: n×1", "(* (' x) x)", List.of("x"));
        assertTrue(m.contains("    return _scalar(x.T @ x)\n"), m);
        assertTrue(m.contains("return float(np.asarray(a, dtype=float).item())"), m);
    }

    @Test
    void symbolicSizesAreReadOffTheVariables() {
        String m = module("A: m×n", "(+ (* A I@n) (* zero@m@1 (' ones@n)))", List.of("A"));
        assertTrue(m.contains("np.eye(np.shape(v['A'])[1])"), m);
        assertTrue(m.contains("np.zeros((np.shape(v['A'])[0], 1))"), m);
        assertTrue(m.contains("np.ones((np.shape(v['A'])[1], 1))"), m);
    }

    @Test
    void fixedSizesAreLiterals() {
        assertTrue(module("A: 3×2", "(* A I@2)", List.of("A")).contains("np.eye(2)"));
    }

    @Test
    void aSizeNoVariableHasIsAnError() {
        var e = assertThrows(IllegalArgumentException.class, () -> module("A: m×n", "(* A I@k)", List.of("A")));
        assertTrue(e.getMessage().startsWith("size k of "), e.getMessage());
    }

    @Test
    void abstractFunctionsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> module("y: n×1", "(apply l:s y)", List.of("y")));
        assertEquals("NumPy export does not support abstract function l", e.getMessage());
        var g = assertThrows(IllegalArgumentException.class,
                () -> module("y: n×1", "(* 2 (grad (apply loss:s y)))", List.of("y")));
        assertEquals("NumPy export does not support abstract function loss", g.getMessage());
        var s = assertThrows(IllegalArgumentException.class,
                () -> module("X: n×n", "(ew sigma:m 1 X)", List.of("X")));
        assertEquals("NumPy export does not support abstract function sigma", s.getMessage());
    }

    @Test
    void differentialsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> module("X: n×n", "(tr (d X))", List.of("X")));
    }

    @Test
    void aMatrixPowerNeedsAnIntegerExponent() {
        assertThrows(IllegalArgumentException.class, () -> module("X: n×n", "(^ X 0.5)", List.of("X")));
        assertTrue(module("X: n×n", "(^ X 3)", List.of("X")).contains("np.linalg.matrix_power(X, 3)"));
    }

    @Test
    void pythonKeywordsAreRenamed() {
        String m = module("lambda: 1×1, x: n×1", "(* lambda:s x)", List.of("lambda", "x"));
        assertTrue(m.contains("    lambda_ = _scalar(v['lambda'])\n"), m);
        assertTrue(m.contains("return lambda_ * x\n"), m);
    }

    @Test
    void helpersAreDefinedOnlyWhenUsed() {
        String plain = module("x: n×1", "(tanh x)", List.of("x"));
        assertTrue(!plain.contains("_sigmoid"), plain);
        String sig = module("x: n×1", "(prime sigmoid x)", List.of("x"));
        assertTrue(sig.contains("def _sigmoid(a):") && sig.contains("def _sigmoid_prime(a):"), sig);
    }

    @Test
    void scalarsNeverMeetMatrixOnlyCalls() {
        String m = module("t: 1×1, x: n×1", "(+ (' t:s) (inv t:s) (tr t:s) (det (* (' x) x)))", List.of("t", "x"));
        assertTrue(m.contains("return _scalar(t + 1 / t + t + x.T @ x)\n"), m);
    }

    @Test
    void generatedOutputIsDeterministic() {
        Map<String, Shape> shapes = Inputs.parse("X: n×n, x: n×1").shapes();
        Sx.Parsed p = Sx.read("(+ (sigmoid x) (* (adj X) x))");
        String a = new NumpyPrinter(new TestShapes(shapes, p.sized())).module(p.expr(), shapes, List.of("x", "X"));
        String b = new NumpyPrinter(new TestShapes(shapes, p.sized())).module(p.expr(), shapes, List.of("x", "X"));
        assertEquals(a, b);
    }
}
