package dev.mcd.print;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Fn;
import dev.mcd.expr.Kind;
import java.util.List;
import java.util.Random;

/**
 * Random expression trees of every node type, shape-agnostic, for printer properties such as
 * "KaTeX renders it"; seeded, so a failure repeats.
 */
final class RandomExprs {
    private static final List<String> NAMES = List.of("x", "t", "W_1", "Sigma_2", "sigma", "Lambda", "loss",
            "mu", "X", "a_12", "y2", "θ", "B_max");
    private static final double[] NUMBERS = {0, 1, 2, -1, 0.5, -0.25, 0.37, 1e-7, 3e9, -1.0 / 3};
    private final Random random;

    RandomExprs(long seed) {
        random = new Random(seed);
    }

    Expr next(int depth) {
        int choice = depth <= 0 ? random.nextInt(5) : random.nextInt(25);
        return switch (choice) {
            case 0, 1 -> new Expr.Var(pick(NAMES), pick(Kind.values()));
            case 2 -> new Expr.Num(NUMBERS[random.nextInt(NUMBERS.length)]);
            case 3 -> pick(List.of(new Expr.Identity(), new Expr.Zero(), new Expr.Ones()));
            case 4 -> new Expr.Diff(new Expr.Var(pick(NAMES), Kind.MATRIX));
            case 5 -> new Expr.Add(List.of(next(depth - 1), next(depth - 1), next(depth - 1)).subList(0, 2 + random.nextInt(2)));
            case 6, 7 -> new Expr.Mul(List.of(next(depth - 1), next(depth - 1), next(depth - 1)).subList(0, 2 + random.nextInt(2)));
            case 8 -> new Expr.Neg(next(depth - 1));
            case 9 -> new Expr.Div(next(depth - 1), next(depth - 1));
            case 10 -> new Expr.Hadamard(next(depth - 1), next(depth - 1));
            case 11 -> new Expr.HadamardDiv(next(depth - 1), next(depth - 1));
            case 12 -> new Expr.Kron(next(depth - 1), next(depth - 1));
            case 13 -> new Expr.Pow(next(depth - 1), next(0));
            case 14 -> new Expr.ElemPow(next(depth - 1), next(0));
            case 15 -> new Expr.Inv(next(depth - 1));
            case 16, 17 -> new Expr.Transpose(next(depth - 1));
            case 18, 19 -> new Expr.Call(pick(Fn.values()), next(depth - 1));
            case 20 -> new Expr.Prime(pick(List.of(Fn.values()).stream().filter(Fn::elementwise).toList()), next(depth - 1));
            case 21 -> new Expr.Apply(pick(List.of("sigma", "f", "g_1")), next(depth - 1), Kind.MATRIX, true, random.nextInt(3));
            case 22 -> apply(depth);
            case 23 -> new Expr.Grad(apply(depth));
            default -> new Expr.Diff(next(depth - 1));
        };
    }

    private Expr.Apply apply(int depth) {
        Expr arg = random.nextBoolean() ? next(depth - 1) : new Expr.Apply("y", next(0), Kind.VECTOR, false, 0);
        return new Expr.Apply(pick(List.of("l", "y", "z_2", "Loss")), arg, pick(Kind.values()), false, 0);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
