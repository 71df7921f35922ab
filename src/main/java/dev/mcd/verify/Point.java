package dev.mcd.verify;

import dev.mcd.expr.Sorted;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ejml.data.DMatrixRMaj;

/**
 * Everything an expression needs to be evaluated: a value for each variable, a direction for each
 * variable that varies (absent means constant, d(A) = 0 as in eq. 7) and a concrete instance for
 * each abstract function, e.g. x = [1, 2]', direction [0.5, −1]', l = log-sum-exp. Matrices are
 * shared, not copied: nothing in this package mutates them.
 */
public record Point(SortedMap<String, DMatrixRMaj> values, SortedMap<String, DMatrixRMaj> directions,
                    SortedMap<String, Instance> functions) {
    public Point {
        values = Sorted.map(new TreeMap<>(values));
        directions = Sorted.map(new TreeMap<>(directions));
        functions = Sorted.map(new TreeMap<>(functions));
        for (var e : directions.entrySet()) {
            DMatrixRMaj v = values.get(e.getKey());
            if (v == null || !Mat.sameShape(v, e.getValue())) {
                throw new IllegalArgumentException("direction of " + e.getKey() + " does not match its value");
            }
        }
    }

    public static Point of(Map<String, DMatrixRMaj> values, Map<String, DMatrixRMaj> directions) {
        return new Point(new TreeMap<>(values), new TreeMap<>(directions), new TreeMap<>());
    }

    /** The same point with one variable moved, e.g. x + h·dx for a finite difference. */
    public Point with(String name, DMatrixRMaj value) {
        var v = new TreeMap<>(values);
        v.put(name, value);
        return new Point(v, directions, functions);
    }

    /** The same point with a direction for one more variable. */
    public Point withDirection(String name, DMatrixRMaj direction) {
        var d = new TreeMap<>(directions);
        d.put(name, direction);
        return new Point(values, d, functions);
    }

    /** The same point with one more abstract function instance. */
    public Point withFunction(String name, Instance instance) {
        var f = new TreeMap<>(functions);
        f.put(name, instance);
        return new Point(values, directions, f);
    }
}
