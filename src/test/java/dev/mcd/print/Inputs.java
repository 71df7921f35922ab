package dev.mcd.print;

import dev.mcd.expr.Dim;
import dev.mcd.expr.Shape;
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

    Map<String, Shape> shapes() {
        return shapes;
    }

    List<String> names() {
        return new ArrayList<>(shapes.keySet());
    }

    int size(Dim d) {
        return switch (d) {
            case Dim.Fixed f -> f.size();
            // The test shapes name a Kronecker product's size "n*m".
            case Dim.Sym s -> java.util.Arrays.stream(s.name().split("\\*")).mapToInt(sizes::get).reduce(1, (a, b) -> a * b);
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
