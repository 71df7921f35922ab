package dev.mcd.cli;

import dev.mcd.expr.Expr;
import dev.mcd.expr.ShapeChecker;
import dev.mcd.expr.Shapes;
import dev.mcd.print.NumpyPrinter;
import dev.mcd.verify.VerifiedDerive;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mcd derive --format numpy}: the derivative as Python source defining
 * {@code derivative(**v)}, with sizes of I, 0 and ones read from the variables' shapes.
 */
final class NumpyExport {
    private NumpyExport() {}

    static String module(VerifiedDerive.Result r) {
        Expr result = r.derivation().result();
        var variables = r.shapes().variables();
        Shapes shapes = ShapeChecker.check(result, variables);
        List<String> names = new ArrayList<>(variables.keySet());
        return new NumpyPrinter(shapes::of).module(result, variables, names);
    }
}
