package dev.mcd.verify;

import dev.mcd.expr.Expr;
import java.util.stream.Collectors;

/**
 * A compact source-like rendering of an expression for error messages, e.g. {@code (W*x + b)'};
 * it parenthesises every compound operand rather than minimally (verify may not use the printers).
 */
final class Brief {
    private Brief() {}

    static String of(Expr e) {
        return switch (e) {
            case Expr.Var v -> v.name();
            case Expr.Num n -> Mat.num(n.value());
            case Expr.Identity i -> "I";
            case Expr.Zero z -> "0";
            case Expr.Ones o -> "ones";
            case Expr.Add a -> a.terms().stream().map(Brief::operand).collect(Collectors.joining(" + "));
            case Expr.Mul m -> m.factors().stream().map(Brief::operand).collect(Collectors.joining("*"));
            case Expr.Neg n -> "-" + operand(n.arg());
            case Expr.Div d -> operand(d.num()) + "/" + operand(d.den());
            case Expr.Hadamard h -> operand(h.left()) + " .* " + operand(h.right());
            case Expr.HadamardDiv h -> operand(h.left()) + " ./ " + operand(h.right());
            case Expr.Kron k -> "kron(" + of(k.left()) + ", " + of(k.right()) + ")";
            case Expr.Pow p -> operand(p.base()) + "^" + operand(p.exponent());
            case Expr.ElemPow p -> operand(p.base()) + " .^ " + operand(p.exponent());
            case Expr.Inv i -> "inv(" + of(i.arg()) + ")";
            case Expr.Transpose t -> operand(t.arg()) + "'";
            case Expr.Call c -> c.fn().source() + "(" + of(c.arg()) + ")";
            case Expr.Prime p -> p.fn().source() + "'(" + of(p.arg()) + ")";
            case Expr.Apply a -> a.name() + "'".repeat(a.primes()) + "(" + of(a.arg()) + ")";
            case Expr.Grad g -> g.of().name() + "'(" + of(g.of().arg()) + ")";
            case Expr.Diff d -> "d(" + of(d.arg()) + ")";
        };
    }

    private static String operand(Expr e) {
        boolean atomic = switch (e) {
            case Expr.Var v -> true;
            case Expr.Num n -> n.value() >= 0;
            case Expr.Identity i -> true;
            case Expr.Zero z -> true;
            case Expr.Ones o -> true;
            case Expr.Kron k -> true;
            case Expr.Inv i -> true;
            case Expr.Call c -> true;
            case Expr.Prime p -> true;
            case Expr.Apply a -> true;
            case Expr.Grad g -> true;
            case Expr.Diff d -> true;
            case Expr.Transpose t -> true;
            case Expr.Add a -> false;
            case Expr.Mul m -> false;
            case Expr.Neg n -> false;
            case Expr.Div d -> false;
            case Expr.Hadamard h -> false;
            case Expr.HadamardDiv h -> false;
            case Expr.Pow p -> false;
            case Expr.ElemPow p -> false;
        };
        return atomic ? of(e) : "(" + of(e) + ")";
    }
}
