package dev.mcd.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.expr.Dim;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Kind;
import dev.mcd.expr.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a NumPy module says, without running it: its reading of v, its sizes, its refusals. */
class NumpyPrinterTest {
    private static String module(String where, String source, List<String> parameters) {
        Inputs inputs = Inputs.parse(where);
        Inputs.Checked c = inputs.check(source);
        return new NumpyPrinter(c.shapes()::of).module(c.expr(), inputs.shapes(), parameters);
    }

    private static String body(String module) {
        return module.substring(module.indexOf("def derivative(**v):\n"));
    }

    @Test
    void readsParametersInOrderThenOtherUsedVariables() {
        String m = module("x: n×1, W: m×n, b: m×1, t: 1×1", "2*x*(W*x + b)'", List.of("W", "t"));
        assertEquals("""
                def derivative(**v):
                    W = np.asarray(v['W'], dtype=float)
                    t = _scalar(v['t'])
                    b = np.asarray(v['b'], dtype=float).reshape(-1, 1)
                    x = np.asarray(v['x'], dtype=float).reshape(-1, 1)
                    return 2 * (x @ (W @ x + b).T)
                """, body(m));
        assertTrue(m.contains("\n    2*x*(W*x + b)'\n"), "the docstring names the expression:\n" + m);
    }

    @Test
    void aScalarResultIsReturnedAsAFloat() {
        String m = module("x: n×1", "x'*x", List.of("x"));
        assertTrue(m.contains("    return _scalar(x.T @ x)\n"), m);
        assertTrue(m.contains("return float(np.asarray(a, dtype=float).item())"), m);
    }

    @Test
    void symbolicSizesAreReadOffTheVariables() {
        String m = module("A: m×n", "A*I + 0*ones'", List.of("A"));
        assertTrue(m.contains("np.eye(np.shape(v['A'])[1])"), m);
        assertTrue(m.contains("np.zeros((np.shape(v['A'])[0], 1))"), m);
        assertTrue(m.contains("np.ones((np.shape(v['A'])[1], 1))"), m);
    }

    @Test
    void aKroneckerSizeMultipliesItsFactors() {
        String m = module("P: n×n, Q: m×m", "kron(P, Q) + I", List.of("P", "Q"));
        assertTrue(m.contains("np.eye(np.shape(v['P'])[0] * np.shape(v['Q'])[0])"), m);
    }

    @Test
    void fixedSizesAreLiterals() {
        assertTrue(module("A: 3×2", "A*I", List.of("A")).contains("np.eye(2)"));
    }

    @Test
    void aSizeNoVariableHasIsAnError() {
        Expr e = new Expr.Mul(List.of(new Expr.Var("A", Kind.MATRIX), new Expr.Identity()));
        Shape k = new Shape(new Dim.Sym("k"), new Dim.Sym("k"));
        Shape a = new Shape(new Dim.Sym("m"), new Dim.Sym("n"));
        var printer = new NumpyPrinter(node -> node instanceof Expr.Identity ? k : a);
        var error = assertThrows(IllegalArgumentException.class, () -> printer.module(e, Map.of("A", a), List.of("A")));
        assertEquals("size k of I is not the size of any variable", error.getMessage());
    }

    @Test
    void abstractFunctionsAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> module("y: n×1", "l(y)", List.of("y")));
        assertEquals("NumPy export does not support abstract function l", e.getMessage());
        var g = assertThrows(IllegalArgumentException.class, () -> module("y: n×1", "2*g'(y)*y", List.of("y")));
        assertEquals("NumPy export does not support abstract function g", g.getMessage());
        var s = assertThrows(IllegalArgumentException.class, () -> module("X: n×n", "sigma'(X)", List.of("X")));
        assertEquals("NumPy export does not support abstract function sigma", s.getMessage());
    }

    @Test
    void differentialsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> module("X: n×n", "tr(d(X))", List.of("X")));
    }

    @Test
    void aMatrixPowerNeedsAnIntegerExponent() {
        Expr root = new Expr.Pow(new Expr.Var("X", Kind.MATRIX), new Expr.Num(0.5));
        Shape square = new Shape(new Dim.Sym("n"), new Dim.Sym("n"));
        var printer = new NumpyPrinter(node -> node instanceof Expr.Num ? Shape.SCALAR : square);
        assertThrows(IllegalArgumentException.class, () -> printer.module(root, Map.of("X", square), List.of("X")));
        assertTrue(module("X: n×n", "X^3", List.of("X")).contains("np.linalg.matrix_power(X, 3)"));
    }

    @Test
    void pythonKeywordsAreRenamed() {
        String m = module("lambda: 1×1, x: n×1", "lambda*x", List.of("lambda", "x"));
        assertTrue(m.contains("    lambda_ = _scalar(v['lambda'])\n"), m);
        assertTrue(m.contains("return lambda_ * x\n"), m);
    }

    @Test
    void helpersAreDefinedOnlyWhenUsed() {
        String plain = module("x: n×1", "tanh(x)", List.of("x"));
        assertFalse(plain.contains("_sigmoid"), plain);
        String sig = module("x: n×1", "sigmoid'(x)", List.of("x"));
        assertTrue(sig.contains("def _sigmoid(a):") && sig.contains("def _sigmoid_prime(a):"), sig);
    }

    @Test
    void scalarsNeverMeetMatrixOnlyCalls() {
        String m = module("t: 1×1, x: n×1", "t' + inv(t) + tr(t) + det(x'*x)", List.of("t", "x"));
        assertTrue(m.contains("return _scalar(t + 1 / t + t + x.T @ x)\n"), m);
    }

    @Test
    void aScalarProductInsideAMatrixProductStaysWhole() {
        String m = module("x: n×1, y: n×1, A: n×n", "(x'*y)*A*x", List.of("A", "x", "y"));
        assertTrue(m.contains("return (x.T @ y) * (A @ x)\n"), m);
    }

    @Test
    void generatedOutputIsDeterministic() {
        String a = module("X: n×n, x: n×1", "sigmoid(x) + adj(X)*x", List.of("x", "X"));
        String b = module("X: n×n, x: n×1", "sigmoid(x) + adj(X)*x", List.of("x", "X"));
        assertEquals(a, b);
    }
}
