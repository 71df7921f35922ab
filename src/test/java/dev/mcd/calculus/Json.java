package dev.mcd.calculus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The little JSON the NumPy cross-check sends: strings, and variables as numbers (scalars) or
 * nested row lists (vectors and matrices), e.g. {@code {"t": 0.5, "x": [[1.0], [2.0]]}}.
 */
final class Json {
    private Json() {}

    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Variables by name; {@code scalars} names those that are passed as plain numbers. */
    static String variables(Map<String, DMatrixRMaj> values, java.util.Set<String> scalars) {
        List<String> parts = new ArrayList<>();
        values.forEach((name, m) -> parts.add(string(name) + ": " + (scalars.contains(name) ? number(m.get(0, 0)) : rows(m))));
        return "{" + String.join(", ", parts) + "}";
    }

    private static String rows(DMatrixRMaj m) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < m.numRows; i++) {
            List<String> row = new ArrayList<>();
            for (int j = 0; j < m.numCols; j++) {
                row.add(number(m.get(i, j)));
            }
            rows.add("[" + String.join(", ", row) + "]");
        }
        return "[" + String.join(", ", rows) + "]";
    }

    private static String number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("JSON has no " + v);
        }
        return Double.toString(v);
    }
}
