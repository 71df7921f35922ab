package dev.mcd.print;

import dev.mcd.expr.Decls;
import dev.mcd.expr.TestDecls;
import dev.mcd.expr.Dim;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Kind;
import dev.mcd.expr.Parser;
import dev.mcd.expr.Shape;
import dev.mcd.expr.ShapeChecker;
import dev.mcd.expr.Shapes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Variables of a numeric test, e.g. {@code x: n×1, W: m×n, X: n×n spd, t: 1×1 pos}: symbolic
 * shapes for the printer, concrete sizes (distinct per symbol, so a transposition shows) and
 * random values from each variable's domain.
 */
final class Inputs {
    private static final int[] SIZES = {3, 2, 4, 5};
    private final Map<String, Shape> shapes = new TreeMap<>();
    private final Map<String, String> domains = new TreeMap<>();
    private final Map<String, Integer> sizes = new LinkedHashMap<>();

    static Inputs parse(String where) {
        Inputs in = new Inputs();
        for (String decl : where.split(",")) {
            String[] nameRest = decl.split(":");
            String[] shapeDomain = nameRest[1].strip().split("\\s+");
            String[] dims = shapeDomain[0].split("[×x]");
            String name = nameRest[0].strip();
            in.shapes.put(name, new Shape(in.dim(dims[0]), in.dim(dims[1])));
            in.domains.put(name, shapeDomain.length > 1 ? shapeDomain[1] : "any");
        }
        return in;
    }

    private Dim dim(String s) {
        if (Character.isDigit(s.charAt(0))) {
            return new Dim.Fixed(Integer.parseInt(s));
        }
        sizes.computeIfAbsent(s, k -> SIZES[sizes.size()]);
        return new Dim.Sym(s);
    }

    /** An expression parsed with these variables' kinds and checked with their shapes. */
    record Checked(Expr expr, Shapes shapes) {}

    Checked check(String source) {
        Map<String, Kind> kinds = new TreeMap<>();
        shapes.forEach((name, s) -> kinds.put(name, s.isScalar() ? Kind.SCALAR
                : s.cols().equals(Dim.ONE) ? Kind.VECTOR : Kind.MATRIX));
        Expr e = Parser.parse(source, TestDecls.parse(Decls.of(kinds).toString(), source)).expr();
        return new Checked(e, ShapeChecker.check(e, shapes));
    }

    /**
     * Both sides of an equality, checked as {@code left - right} so that each side's I, 0 and
     * ones take their sizes from the other side too (a lone {@code I} has no size of its own).
     */
    List<Checked> checkPair(String left, String right) {
        Checked l = check(left);
        Checked r = check(right);
        Shapes both = ShapeChecker.check(new Expr.Add(List.of(l.expr(), new Expr.Neg(r.expr()))), shapes);
        return List.of(new Checked(l.expr(), both), new Checked(r.expr(), both));
    }

    /** The module the printer writes for an expression with these variables. */
    String module(Checked c) {
        return new NumpyPrinter(c.shapes()::of).module(c.expr(), shapes, names());
    }

    Map<String, Shape> shapes() {
        return shapes;
    }

    List<String> names() {
        return new ArrayList<>(shapes.keySet());
    }

    int size(Dim d) {
        return switch (d) {
            case Dim.Fixed f -> f.size();
            // The shape checker names a Kronecker product's size "n·m" (or "2·n").
            case Dim.Sym s -> java.util.Arrays.stream(s.name().split("·"))
                    .mapToInt(f -> f.chars().allMatch(Character::isDigit) ? Integer.parseInt(f) : sizes.get(f))
                    .reduce(1, (a, b) -> a * b);
        };
    }

    /** Values at a random point: {@code spd} symmetric positive definite, {@code pos} entries in [0.5, 2]. */
    Map<String, DMatrixRMaj> draw(Random random) {
        Map<String, DMatrixRMaj> values = new TreeMap<>();
        shapes.forEach((name, shape) -> {
            int r = size(shape.rows());
            int c = size(shape.cols());
            DMatrixRMaj m = new DMatrixRMaj(r, c);
            String domain = domains.get(name);
            for (int i = 0; i < m.getNumElements(); i++) {
                m.data[i] = domain.equals("pos") ? 0.5 + 1.5 * random.nextDouble() : 2 * random.nextDouble() - 1;
            }
            if (domain.equals("spd")) {
                DMatrixRMaj spd = new DMatrixRMaj(r, r);
                CommonOps_DDRM.multTransB(m, m, spd);
                for (int i = 0; i < r; i++) {
                    spd.add(i, i, r);
                }
                m = spd;
            }
            values.put(name, m);
        });
        return values;
    }

    /** The values as the JSON keyword arguments of {@code derivative(**v)}: scalars as numbers. */
    String json(Map<String, DMatrixRMaj> values) {
        StringBuilder out = new StringBuilder("{");
        values.forEach((name, m) -> {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append('"').append(name).append("\": ");
            if (shapes.get(name).isScalar()) {
                out.append(number(m.get(0, 0)));
                return;
            }
            out.append('[');
            for (int i = 0; i < m.numRows; i++) {
                out.append(i > 0 ? ", [" : "[");
                for (int j = 0; j < m.numCols; j++) {
                    out.append(j > 0 ? ", " : "").append(number(m.get(i, j)));
                }
                out.append(']');
            }
            out.append(']');
        });
        return out.append('}').toString();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }
}
