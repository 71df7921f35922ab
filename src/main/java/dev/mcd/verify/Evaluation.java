package dev.mcd.verify;

import java.util.List;

/**
 * The values and tangents of one or more expressions at one point, with the largest magnitude of
 * any intermediate value, which bounds the rounding error (x − x + 1e-20 is exact only up to |x|).
 *
 * @param results   one per root, in order
 * @param magnitude the largest absolute entry of any node's value (NaN if any was NaN)
 */
public record Evaluation(List<Dual> results, double magnitude) {
    public Evaluation {
        results = List.copyOf(results);
    }
}
