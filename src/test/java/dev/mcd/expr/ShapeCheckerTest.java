package dev.mcd.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShapeCheckerTest {

    private static Shapes check(String source, String where) {
        Parser.Parsed p = Parser.parse(source, TestDecls.parse(where, source));
        return ShapeChecker.check(p.expr(), p.positions());
    }

    private static Shape shapeOf(String source, String where) {
        Parser.Parsed p = Parser.parse(source, TestDecls.parse(where, source));
        return ShapeChecker.check(p.expr(), p.positions()).of(p.expr());
    }

    @Test
    void quadraticFormMakesTheMatrixSquareInTheVectorsSize() {
        Shapes s = check("x'*A*x", "");
        assertEquals("n_x×n_x", s.ofVar("A").toString());
        assertEquals("n_x×1", s.ofVar("x").toString());
        assertEquals(List.of("A", "x"), List.copyOf(s.variables().keySet()));
        assertEquals(List.of("n_x"), List.copyOf(s.symbols()));
    }

    @Test
    void everyNodeHasItsShape() {
        Parser.Parsed p = Parser.parse("A*x + b", Decls.empty());
        Shapes s = ShapeChecker.check(p.expr(), p.positions());
        Expr.Add add = (Expr.Add) p.expr();
        assertEquals("m_A×1", s.of(add).toString());
        assertEquals("m_A×1", s.of(add.terms().get(1)).toString());
        assertEquals("m_A×n_A", s.of(((Expr.Mul) add.terms().get(0)).factors().get(0)).toString());
        assertEquals("m_A×1", s.ofVar("b").toString());
        assertEquals("n_A×1", s.ofVar("x").toString());
    }

    @ParameterizedTest(name = "{0} is {2}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "t*A; t: scalar; m_A×n_A",
        "A*t; t: scalar; m_A×n_A",
        "x'*y*z; ; n_z×1",
        "x*y'; ; n_x×n_y",
        "x'*x; ; 1×1",
        "tr(A); ; 1×1",
        "det(X)*inv(X); ; m_X×m_X",
        "X^-1; ; m_X×m_X",
        "A^2; ; m_A×m_A",
        "t^2; t: scalar; 1×1",
        "A'; ; n_A×m_A",
        "A .* B; ; m_A×n_A",
        "A ./ B + C; ; m_A×n_A",
        "A.^2; ; m_A×n_A",
        "x/t; t: scalar; n_x×1",
        "x/(y'*z); ; n_x×1",
        "kron(A, B); ; m_A·m_B×n_A·n_B",
        "kron(x, y); ; n_x·n_y×1",
        "vec(X); ; m_X·n_X×1",
        "unvec(b, cols(B)); ; n_B×c_1",
        "unvec(b, rows(B'))'*B'; ; c_1×m_B",
        "unvec(vec(X), rows(X)); ; m_X×n_X",
        "unvec(b, cols(B))'*B'*unvec(a, rows(B)); ; c_1×c_2",
        "unvec(b, rows(t)); t: scalar; 1×n_b",
        "diag(x); ; n_x×n_x",
        "diag(X); ; m_X×1",
        "sum(X); ; 1×1",
        "norm2(W*x + b)^2; ; 1×1",
        "normF(X); ; 1×1",
        "log(X) + exp(X) + tanh'(X); ; m_X×n_X",
        "sigma(W*x); ; m_W×1",
        "sigma'(W*x) .* y; ; m_W×1",
        "l(y); l: scalar; 1×1",
        "l'(y); l: scalar; 1×n_y",
        "l'(X); l: scalar; n_X×m_X",
        "y(x); y: vector; n_y×1",
        "y'(x); y: vector; n_y×n_x",
        "y'(t); y: vector, t: scalar; n_y×1",
        "Y'(t); Y: matrix, t: scalar; m_Y×n_Y",
        "l'(y(x))*y'(x); l: scalar, y: vector; 1×n_x",
        "d(X)*Y + X*d(Y); ; m_X×n_Y",
        "dX*Y; X: matrix; m_X×n_Y",
        "I + A*B; ; m_A×m_A",
        "A*I*B; ; m_A×n_B",
        "A + 0; ; m_A×n_A",
        "ones'*x; ; 1×1",
        "x + 1*x; ; n_x×1",
        "tr(I); ; 1×1",
        "I; ; k_1×k_1",
        "0; ; p_1×q_1",
        "ones; ; k_1×1",
        "z(y(x)); ; 1×1",
    })
    void shapes(String source, String where, String expected) {
        assertEquals(expected, shapeOf(source, where == null ? "" : where).toString());
    }

    @Test
    void vecOfAProductMatchesTheKroneckerForm() {
        // vec(AXB) = (B' ⊗ A) vec(X) (the vec form, docs/ARCHITECTURE.md step 4): the product sizes settle after the fact.
        Parser.Parsed p = Parser.parse("vec(A*X*B) - kron(B', A)*vec(X)", Decls.empty());
        Shapes s = ShapeChecker.check(p.expr(), p.positions());
        Expr.Add add = (Expr.Add) p.expr();
        assertEquals(s.of(add.terms().get(0)), s.of(add.terms().get(1)));
        assertEquals("m_A·n_B×1", s.of(add).toString());
        assertEquals("n_A×n_X", s.ofVar("X").toString());
        assertEquals("n_X×n_B", s.ofVar("B").toString());
    }

    @Test
    void kroneckerFirstThenVecSettlesByCancelling() {
        // Here kron comes first: m_B·n_A = m_X·n_X is undecided until A*X fixes n_A = m_X.
        Parser.Parsed p = Parser.parse("kron(B', A)*vec(X) - vec(A*X*B)", Decls.empty());
        Shapes s = ShapeChecker.check(p.expr(), p.positions());
        assertEquals(s.ofVar("A").cols(), s.ofVar("X").rows());
        assertEquals(s.ofVar("B").rows(), s.ofVar("X").cols());
        assertEquals(List.of("m_A", "m_B", "n_A", "n_B"), List.copyOf(s.symbols()));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "A*x + t; t: scalar; 1:5; cannot add m_A×1 and 1×1",
        "x*A; ; 1:2; cannot multiply n_x×1 by m_A×n_A: inner sizes differ",
        "A*x*x; ; 1:4; cannot multiply m_A×1 by n_A×1: inner sizes differ",
        "A*x .* y'; ; 1:5; cannot multiply element-wise n_x×1 and 1×n_y: sizes differ",
        "(A*x) .* y'; ; 1:7; cannot multiply element-wise m_A×1 and 1×n_y: sizes differ",
        "A./x'; ; 1:2; cannot divide element-wise m_A×n_A and 1×n_x: sizes differ",
        "A/x; ; 1:2; cannot divide by n_x×1: the denominator must be a scalar (1×1)",
        "tr(x); ; 1:1; tr needs a square matrix, not n_x×1",
        "inv(x); ; 1:1; cannot invert n_x×1: only a square matrix has an inverse",
        "x^-1; ; 1:2; cannot invert n_x×1: only a square matrix has an inverse",
        "x^2; ; 1:2; cannot raise n_x×1 to a power: only scalars and square matrices have powers",
        "X^t; t: scalar; 1:2; a power of a m_X×m_X matrix needs an integer exponent",
        "t^x; t: scalar; 1:2; the exponent of a scalar must be a scalar, not n_x×1",
        "norm2(X); ; 1:1; norm2 needs a vector, not m_X×n_X (normF is the matrix norm)",
        "diag(x'); ; 1:1; diag needs a vector or a square matrix, not 1×n_x",
        "Y'(x); Y: matrix; 1:1; the derivative of the matrix function Y is a matrix only by a scalar, not by n_x×1",
        "y'(X); y: vector; 1:1; the derivative of the vector function y by a m_X×n_X matrix is not a matrix: differentiate by vec of it",
        "x'*x + \\n  A*x; ; 1:6; cannot add 1×1 and m_A×1",
        "x + y - A; ; 1:7; cannot add n_x×1 and m_A×n_A",
        "unvec(X, rows(A)); ; 1:1; unvec needs a column vector, not m_X×n_X",
        "unvec(x', rows(A)); ; 1:1; unvec needs a column vector, not 1×n_x",
    })
    void mismatches(String source, String where, String pos, String message) {
        String src = source.replace("\\n", "\n");
        Parser.Parsed p = Parser.parse(src, TestDecls.parse(where == null ? "" : where, src));
        ExprException e = assertThrows(ExprException.class, () -> ShapeChecker.check(p.expr(), p.positions()));
        assertEquals(message, e.reason());
        assertEquals(pos, e.pos().toString());
        assertEquals(src, e.source());
    }

    @Test
    void fixedShapesAreConcrete() {
        Expr e = Parser.parse("x'*A*x + tr(I*B) + ones'*y").expr();
        Shapes s = ShapeChecker.check(e, Map.of(
            "x", new Shape(new Dim.Fixed(3), Dim.ONE),
            "A", new Shape(new Dim.Fixed(3), new Dim.Fixed(3)),
            "B", new Shape(new Dim.Fixed(4), new Dim.Fixed(4)),
            "y", new Shape(new Dim.Fixed(5), Dim.ONE)));
        assertEquals("1×1", s.of(e).toString());
        Expr.Add add = (Expr.Add) e;
        Expr.Mul ones = (Expr.Mul) add.terms().get(2);
        assertEquals("1×5", s.of(ones.factors().get(0)).toString());
        Expr.Call tr = (Expr.Call) add.terms().get(1);
        assertEquals("4×4", s.of(((Expr.Mul) tr.arg()).factors().get(0)).toString());
    }

    @Test
    void fixedShapesThatDisagreeFailAtTheStart() {
        Expr e = Parser.parse("A*x").expr();
        ExprException ex = assertThrows(ExprException.class, () -> ShapeChecker.check(e, Map.of(
            "x", new Shape(new Dim.Fixed(3), Dim.ONE),
            "A", new Shape(new Dim.Fixed(2), new Dim.Fixed(4)))));
        assertEquals("cannot multiply 2×4 by 3×1: inner sizes differ", ex.reason());
        assertEquals(new Pos(1, 1), ex.pos());
    }

    @Test
    void sharedSymbolsInGivenShapesAreOneSize() {
        Expr e = Parser.parse("A*x").expr();
        Shapes s = ShapeChecker.check(e, Map.of(
            "x", new Shape(new Dim.Sym("n"), Dim.ONE),
            "A", new Shape(new Dim.Sym("m"), new Dim.Sym("n"))));
        assertEquals("m×1", s.of(e).toString());
        assertThrows(ExprException.class, () -> ShapeChecker.check(Parser.parse("x'*A*x").expr(), Map.of(
            "x", new Shape(new Dim.Fixed(3), Dim.ONE),
            "A", new Shape(new Dim.Fixed(3), new Dim.Fixed(4)))));
    }

    @Test
    void kroneckerOfConcreteSizesMultiplies() {
        Expr e = Parser.parse("kron(A, B)*x").expr();
        Shapes s = ShapeChecker.check(e, Map.of(
            "A", new Shape(new Dim.Fixed(2), new Dim.Fixed(3)),
            "B", new Shape(new Dim.Fixed(4), new Dim.Fixed(5))));
        assertEquals("8×1", s.of(e).toString());
        assertEquals("15×1", s.ofVar("x").toString());
    }

    @Test
    void kroneckerAgainstAFixedSizeThatCannotBeAProductFails() {
        Expr e = Parser.parse("kron(x, y)'*z").expr();
        assertThrows(ExprException.class, () -> ShapeChecker.check(e, Map.of(
            "x", new Shape(new Dim.Fixed(2), Dim.ONE),
            "y", new Shape(new Dim.Sym("n"), Dim.ONE),
            "z", new Shape(new Dim.Fixed(7), Dim.ONE))));
        Shapes s = ShapeChecker.check(e, Map.of(
            "x", new Shape(new Dim.Fixed(2), Dim.ONE),
            "y", new Shape(new Dim.Sym("n"), Dim.ONE),
            "z", new Shape(new Dim.Fixed(8), Dim.ONE)));
        assertEquals("4×1", s.ofVar("y").toString());
    }

    @Test
    void unvecCutsAConcreteLengthOnlyIntoWholeColumns() {
        Expr e = Parser.parse("unvec(b, rows(B))").expr();
        Shapes s = ShapeChecker.check(e, Map.of(
            "b", new Shape(new Dim.Fixed(8), Dim.ONE),
            "B", new Shape(new Dim.Fixed(4), new Dim.Fixed(3))));
        assertEquals("4×2", s.of(e).toString());
        ExprException ex = assertThrows(ExprException.class, () -> ShapeChecker.check(e, Map.of(
            "b", new Shape(new Dim.Fixed(6), Dim.ONE),
            "B", new Shape(new Dim.Fixed(4), new Dim.Fixed(3)))));
        assertEquals("cannot cut a column of 6 entries into columns of 4: its length is not a multiple of 4", ex.reason());
    }

    @Test
    void unvecSettlesItsColumnsBeforeAVariableMeetsTheProduct() {
        // unvec(b, cols(B)) of b n_B×1 is one column: decided at once, so x's n_x is not absorbed into k_1·c_1
        Expr e = Parser.parse("a'*kron(I, B*unvec(b, cols(B))) + x'").expr();
        Shapes s = ShapeChecker.check(e, Map.of(
            "a", new Shape(new Dim.Sym("n_x·m_B"), Dim.ONE),
            "B", new Shape(new Dim.Sym("m_B"), new Dim.Sym("n_B")),
            "b", new Shape(new Dim.Sym("n_B"), Dim.ONE),
            "x", new Shape(new Dim.Sym("n_x"), Dim.ONE)));
        assertEquals("1×n_x", s.of(e).toString());
    }

    @Test
    void unvecOfAKroneckerColumnTakesTheOtherFactor() {
        // (X ⊗ B) b = vec(B unvec(b, cols(B)) X'): b's length n_X·n_B leaves unvec n_B×n_X
        Parser.Parsed p = Parser.parse("kron(X, B)*b - vec(B*unvec(b, cols(B))*X')", Decls.empty());
        Shapes s = ShapeChecker.check(p.expr(), p.positions());
        assertEquals("m_X·m_B×1", s.of(p.expr()).toString());
    }

    @Test
    void instantiateGivesEveryVariableAConcreteShape() {
        Shapes s = check("x'*A*x + tr(kron(B, C))", "");
        Map<String, Integer> sizes = new java.util.TreeMap<>();
        for (String sym : s.symbols()) {
            sizes.put(sym, sizes.size() + 2);
        }
        Map<String, Shape> concrete = s.instantiate(sizes);
        assertEquals(concrete.get("A").rows(), concrete.get("x").rows());
        assertEquals(concrete.get("A").rows(), concrete.get("A").cols());
        assertThrows(IllegalArgumentException.class, () -> s.instantiate(Map.of()));
    }

    @Test
    void aNodeOfAnotherTreeIsRejected() {
        Shapes s = check("A*x", "");
        assertThrows(java.util.NoSuchElementException.class, () -> s.of(new Expr.Var("A", Kind.MATRIX)));
        assertThrows(java.util.NoSuchElementException.class, () -> s.ofVar("q"));
    }
}
