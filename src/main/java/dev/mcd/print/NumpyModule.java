package dev.mcd.print;

import dev.mcd.calculus.Derivation;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Fn;
import dev.mcd.expr.FreshCopy;
import dev.mcd.expr.Shape;
import dev.mcd.expr.ShapeChecker;
import dev.mcd.expr.Shapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The derivative of a derivation as the Python module of {@code mcd derive --format numpy}, defining
 * {@code derivative(**v)}: one writer for the command line, the site's "Copy NumPy" and derive.html
 * (compiled to JavaScript with the engine). The result is shape-checked beside a witness of the
 * derivative's known shape (X' for a scalar by X, f x' for a Jacobian), so that a lone I or tr(A) I
 * has a size.
 */
public final class NumpyModule {
    private NumpyModule() {}

    /**
     * The module for {@code d}, whose variables have the shapes {@code variables} (the request's, in
     * the order they are read).
     *
     * @throws IllegalArgumentException when the result has no NumPy form (an abstract function such
     *     as dl/dy, a non-integer matrix power)
     */
    public static String of(Derivation d, Map<String, Shape> variables) {
        Expr result = FreshCopy.of(d.result()); // one node per place, so each ones gets its own size
        Expr witness = switch (d.form()) {
            case SCALAR_BY_SCALAR, VECTOR_BY_SCALAR, MATRIX_BY_SCALAR -> d.function();
            case SCALAR_BY_VECTOR, SCALAR_BY_MATRIX -> new Expr.Transpose(d.wrt());
            case VECTOR_BY_VECTOR -> new Expr.Mul(List.of(d.function(), new Expr.Transpose(d.wrt())));
            case VEC -> new Expr.Mul(List.of(new Expr.Call(Fn.VEC, d.function()), new Expr.Transpose(new Expr.Call(Fn.VEC, d.wrt()))));
        };
        Shapes shapes = ShapeChecker.check(new Expr.Add(List.of(result, witness)), variables);
        List<String> names = new ArrayList<>(variables.keySet());
        return new NumpyPrinter(shapes::of).module(result, variables, names);
    }
}
