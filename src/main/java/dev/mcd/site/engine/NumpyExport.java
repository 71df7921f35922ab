package dev.mcd.site.engine;

import dev.mcd.calculus.Derivation;
import dev.mcd.expr.Expr;
import dev.mcd.expr.FreshCopy;
import dev.mcd.expr.ShapeChecker;
import dev.mcd.expr.Shapes;
import dev.mcd.print.NumpyPrinter;
import dev.mcd.verify.VerifiedDerive;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mcd derive --format numpy}: the derivative as Python source defining
 * {@code derivative(**v)}. The result is shape-checked beside a witness of the derivative's known
 * shape (X' for a scalar by X, f x' for a Jacobian), so that a lone I or tr(A) I has a size.
 * Also the "Copy NumPy" text of every derivation on the site.
 */
public final class NumpyExport {
    private NumpyExport() {}

    public static String module(VerifiedDerive.Result r) {
        Derivation d = r.derivation();
        Expr result = FreshCopy.of(d.result()); // one node per place, so each ones gets its own size
        var variables = r.shapes().variables();
        Expr witness = switch (d.form()) {
            case SCALAR_BY_SCALAR, VECTOR_BY_SCALAR, MATRIX_BY_SCALAR -> d.function();
            case SCALAR_BY_VECTOR, SCALAR_BY_MATRIX -> new Expr.Transpose(d.wrt());
            case VECTOR_BY_VECTOR -> new Expr.Mul(List.of(d.function(), new Expr.Transpose(d.wrt())));
            case VEC -> new Expr.Mul(List.of(new Expr.Call(dev.mcd.expr.Fn.VEC, d.function()),
                    new Expr.Transpose(new Expr.Call(dev.mcd.expr.Fn.VEC, d.wrt()))));
        };
        Shapes shapes = ShapeChecker.check(new Expr.Add(List.of(result, witness)), variables);
        List<String> names = new ArrayList<>(variables.keySet());
        return new NumpyPrinter(shapes::of).module(result, variables, names);
    }
}
