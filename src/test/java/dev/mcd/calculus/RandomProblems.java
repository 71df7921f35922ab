package dev.mcd.calculus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * A small grammar of well-shaped expressions over X, x, a, A and t (DeriverPropertyTest.WHERE)
 * as jqwik arbitraries, every subterm parenthesised; e.g. {@code (a)'*((X)*(x))} by x. inv, det
 * and log(det) only see matrices that are positive definite at any size, and det(X) forces X
 * square, so every generated function is defined at the verifier's random points.
 */
final class RandomProblems {
    private static final int DEPTH = 3;
    private final boolean matrixHadamard;
    private final Map<Integer, Arbitrary<String>> scalars = new HashMap<>();
    private final Map<Integer, Arbitrary<String>> vectors = new HashMap<>();
    private final Map<Integer, Arbitrary<String>> matrices = new HashMap<>();

    /** {@code matrixHadamard}: whether matrices may be Hadamard products (DeriverPropertyTest runs both). */
    RandomProblems(boolean matrixHadamard) {
        this.matrixHadamard = matrixHadamard;
    }

    /** The arbitrary problems: scalar functions by X, x or t, vectors by x or t, matrices by t. */
    Arbitrary<DeriverPropertyTest.Problem> problems() {
        Arbitrary<DeriverPropertyTest.Problem> byScalar = Combinators.combine(scalar(DEPTH), Arbitraries.of("X", "x", "t")).as(DeriverPropertyTest.Problem::new);
        Arbitrary<DeriverPropertyTest.Problem> vectorByVector = Combinators.combine(vector(DEPTH - 1), Arbitraries.of("x", "t")).as(DeriverPropertyTest.Problem::new);
        Arbitrary<DeriverPropertyTest.Problem> matrixByScalar = matrix(DEPTH - 1).map(m -> new DeriverPropertyTest.Problem(m, "t"));
        return Arbitraries.frequencyOf(Tuple.of(6, byScalar), Tuple.of(2, vectorByVector), Tuple.of(1, matrixByScalar));
    }

    /** Matrices that are positive definite whatever the values, so inv, det and log(det) are defined. */
    static Arbitrary<String> definite() {
        return Arbitraries.of("X", "A", "X*X' + I", "X'*X + I", "I + t*t*A*A'", "X*A*A'*X' + I");
    }

    /** Builds each depth's arbitrary once (not computeIfAbsent: the builders recurse into the same maps). */
    private static Arbitrary<String> memo(Map<Integer, Arbitrary<String>> cache, int depth,
                                          IntFunction<Arbitrary<String>> build) {
        Arbitrary<String> a = cache.get(depth);
        if (a == null) {
            a = build.apply(depth);
            cache.put(depth, a);
        }
        return a;
    }

    private Arbitrary<String> scalar(int depth) {
        return memo(scalars, depth, d -> {
            Arbitrary<String> leaf = Arbitraries.of("t", "a'*x", "x'*x", "tr(X)", "x'*A*x", "2", "x'*X*a", "det(X)");
            if (d == 0) {
                return leaf;
            }
            Arbitrary<String> s = scalar(d - 1);
            Arbitrary<String> v = vector(d - 1);
            Arbitrary<String> m = matrix(d - 1);
            return Arbitraries.frequencyOf(
                    Tuple.of(3, leaf),
                    Tuple.of(2, Combinators.combine(s, s).as((p, q) -> "(" + p + ") + (" + q + ")")),
                    Tuple.of(1, Combinators.combine(s, s).as((p, q) -> "(" + p + ") - (" + q + ")")),
                    Tuple.of(2, Combinators.combine(s, s).as((p, q) -> "(" + p + ")*(" + q + ")")),
                    Tuple.of(2, Combinators.combine(v, v).as((p, q) -> "(" + p + ")'*(" + q + ")")),
                    Tuple.of(2, Combinators.combine(v, m, v).as((p, q, r) -> "(" + p + ")'*(" + q + ")*(" + r + ")")),
                    Tuple.of(2, m.map(q -> "tr(" + q + ")")),
                    Tuple.of(1, definite().map(q -> "det(" + q + ")")),
                    Tuple.of(1, definite().map(q -> "log(det(" + q + "))")),
                    Tuple.of(1, definite().map(q -> "tr(inv(" + q + "))")),
                    Tuple.of(1, Combinators.combine(s, Arbitraries.of("exp", "tanh")).as((p, fn) -> fn + "(" + p + ")")),
                    Tuple.of(1, Combinators.combine(v, v).as((p, q) -> "(" + p + ")'*((" + p + ") .* (" + q + "))")),
                    // rare: Kronecker products only under a trace, the scalar form the tutorial derives
                    Tuple.of(1, Combinators.combine(m, Arbitraries.of("A", "X", "I")).as((p, q) -> "tr(kron(" + p + ", " + q + "))")));
        });
    }

    private Arbitrary<String> vector(int depth) {
        return memo(vectors, depth, d -> {
            Arbitrary<String> leaf = Arbitraries.of("x", "a", "x", "X*x", "A*x");
            if (d == 0) {
                return leaf;
            }
            Arbitrary<String> s = scalar(d - 1);
            Arbitrary<String> v = vector(d - 1);
            Arbitrary<String> m = matrix(d - 1);
            return Arbitraries.frequencyOf(
                    Tuple.of(3, leaf),
                    Tuple.of(2, Combinators.combine(m, v).as((p, q) -> "(" + p + ")*(" + q + ")")),
                    Tuple.of(2, Combinators.combine(v, v).as((p, q) -> "(" + p + ") + (" + q + ")")),
                    Tuple.of(1, Combinators.combine(v, v).as((p, q) -> "(" + p + ") - (" + q + ")")),
                    Tuple.of(1, Combinators.combine(s, v).as((p, q) -> "(" + p + ")*(" + q + ")")),
                    Tuple.of(1, Combinators.combine(v, v).as((p, q) -> "(" + p + ") .* (" + q + ")")),
                    Tuple.of(1, Combinators.combine(v, Arbitraries.of("exp", "tanh")).as((p, fn) -> fn + "(" + p + ")")),
                    Tuple.of(1, Combinators.combine(definite(), v).as((p, q) -> "inv(" + p + ")*(" + q + ")")));
        });
    }

    private Arbitrary<String> matrix(int depth) {
        return memo(matrices, depth, d -> {
            Arbitrary<String> leaf = Arbitraries.of("X", "A", "X", "t*A", "X'");
            if (d == 0) {
                return leaf;
            }
            Arbitrary<String> s = scalar(d - 1);
            Arbitrary<String> m = matrix(d - 1);
            List<Tuple.Tuple2<Integer, Arbitrary<String>>> choices = new ArrayList<>(List.of(
                    Tuple.of(3, leaf),
                    Tuple.of(2, Combinators.combine(m, m).as((p, q) -> "(" + p + ")*(" + q + ")")),
                    Tuple.of(2, Combinators.combine(m, m).as((p, q) -> "(" + p + ") + (" + q + ")")),
                    Tuple.of(1, Combinators.combine(m, m).as((p, q) -> "(" + p + ") - (" + q + ")")),
                    Tuple.of(1, m.map(p -> "(" + p + ")'")),
                    Tuple.of(1, Combinators.combine(s, m).as((p, q) -> "(" + p + ")*(" + q + ")")),
                    Tuple.of(1, Combinators.combine(m, Arbitraries.of("exp", "tanh")).as((p, fn) -> fn + "(" + p + ")")),
                    Tuple.of(1, definite().map(p -> "inv(" + p + ")"))));
            if (matrixHadamard) {
                choices.add(Tuple.of(1, Combinators.combine(m, m).as((p, q) -> "(" + p + ") .* (" + q + ")")));
            }
            return Arbitraries.frequencyOf(choices.toArray(Tuple.Tuple2[]::new));
        });
    }
}
