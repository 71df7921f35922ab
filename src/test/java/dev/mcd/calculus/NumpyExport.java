package dev.mcd.calculus;

import dev.mcd.expr.Dim;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Kind;
import dev.mcd.expr.Shape;
import dev.mcd.expr.ShapeChecker;
import dev.mcd.expr.Shapes;
import dev.mcd.print.NumpyPrinter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ejml.data.DMatrixRMaj;

/**
 * The NumPy module for an engine result at the concrete sizes of a sample point, e.g. for
 * 2*x*(W*x + b)' with W 3×2 the module returning {@code 2 * (x @ (W @ x + b).T)}; the sizes of
 * I, 0 and ones come from the result's required shape.
 */
final class NumpyExport {
    /** A name no case uses, for the variable that pins the result's shape. */
    private static final String SHAPE_PIN = "Zz_shape";

    private NumpyExport() {}

    static String module(Expr result, Map<String, DMatrixRMaj> values, int rows, int cols) {
        Map<String, Shape> fixed = new TreeMap<>();
        values.forEach((name, m) -> fixed.put(name, new Shape(new Dim.Fixed(m.numRows), new Dim.Fixed(m.numCols))));
        fixed.put(SHAPE_PIN, new Shape(new Dim.Fixed(rows), new Dim.Fixed(cols)));
        // result + pin has the result's nodes, by identity, with every size resolved
        Shapes shapes = ShapeChecker.check(new Expr.Add(List.of(result, new Expr.Var(SHAPE_PIN, Kind.MATRIX))), fixed);
        Map<String, Shape> variables = new TreeMap<>(fixed);
        variables.remove(SHAPE_PIN);
        return new NumpyPrinter(shapes::of).module(result, variables, List.of());
    }

    /** Whether the result names an abstract function such as l(y), which NumPy cannot evaluate. */
    static boolean abstractIn(Expr e) {
        return switch (e) {
            case Expr.Var v -> false;
            case Expr.Num n -> false;
            case Expr.Identity i -> false;
            case Expr.Zero z -> false;
            case Expr.Ones o -> false;
            case Expr.Add a -> a.terms().stream().anyMatch(NumpyExport::abstractIn);
            case Expr.Mul m -> m.factors().stream().anyMatch(NumpyExport::abstractIn);
            case Expr.Neg n -> abstractIn(n.arg());
            case Expr.Div d -> abstractIn(d.num()) || abstractIn(d.den());
            case Expr.Hadamard h -> abstractIn(h.left()) || abstractIn(h.right());
            case Expr.HadamardDiv h -> abstractIn(h.left()) || abstractIn(h.right());
            case Expr.Kron k -> abstractIn(k.left()) || abstractIn(k.right());
            case Expr.Unvec u -> abstractIn(u.arg()) || abstractIn(u.like());
            case Expr.Pow p -> abstractIn(p.base()) || abstractIn(p.exponent());
            case Expr.ElemPow p -> abstractIn(p.base()) || abstractIn(p.exponent());
            case Expr.Inv i -> abstractIn(i.arg());
            case Expr.Transpose t -> abstractIn(t.arg());
            case Expr.Call c -> abstractIn(c.arg());
            case Expr.Prime p -> abstractIn(p.arg());
            case Expr.Apply a -> true;
            case Expr.Grad g -> true;
            case Expr.Diff d -> abstractIn(d.arg());
        };
    }

    /** Names whose values are passed to Python as plain numbers. */
    static Set<String> scalars(Map<String, DMatrixRMaj> values, Map<String, Kind> kinds) {
        Set<String> out = new TreeSet<>();
        values.keySet().forEach(name -> {
            if (kinds.getOrDefault(name, Kind.MATRIX) == Kind.SCALAR) {
                out.add(name);
            }
        });
        return out;
    }
}
