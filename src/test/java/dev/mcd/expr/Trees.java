package dev.mcd.expr;

import java.util.Locale;
import java.util.stream.Collectors;

/** A compact S-expression view of a tree for test expectations, e.g. {@code (mul A:m x:v)}. */
final class Trees {
    private Trees() {}

    static String show(Expr e) {
        return switch (e) {
            case Expr.Var v -> v.name() + ":" + v.kind().name().substring(0, 1).toLowerCase(Locale.ROOT);
            case Expr.Num n -> n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15
                ? Long.toString((long) n.value()) : Double.toString(n.value());
            case Expr.Identity i -> "I";
            case Expr.Zero z -> "0";
            case Expr.Ones o -> "ones";
            case Expr.Add a -> "(add " + a.terms().stream().map(Trees::show).collect(Collectors.joining(" ")) + ")";
            case Expr.Mul m -> "(mul " + m.factors().stream().map(Trees::show).collect(Collectors.joining(" ")) + ")";
            case Expr.Neg n -> "(neg " + show(n.arg()) + ")";
            case Expr.Div d -> "(div " + show(d.num()) + " " + show(d.den()) + ")";
            case Expr.Hadamard h -> "(had " + show(h.left()) + " " + show(h.right()) + ")";
            case Expr.HadamardDiv h -> "(hdiv " + show(h.left()) + " " + show(h.right()) + ")";
            case Expr.Kron k -> "(kron " + show(k.left()) + " " + show(k.right()) + ")";
            case Expr.Unvec u -> "(unvec " + show(u.arg()) + " " + u.side().source() + " " + show(u.like()) + ")";
            case Expr.Pow p -> "(pow " + show(p.base()) + " " + show(p.exponent()) + ")";
            case Expr.ElemPow p -> "(epow " + show(p.base()) + " " + show(p.exponent()) + ")";
            case Expr.Inv i -> "(inv " + show(i.arg()) + ")";
            case Expr.Transpose t -> "(t " + show(t.arg()) + ")";
            case Expr.Call c -> "(" + c.fn().source() + " " + show(c.arg()) + ")";
            case Expr.Prime p -> "(" + p.fn().source() + "' " + show(p.arg()) + ")";
            case Expr.Apply a -> "(apply " + a.name() + ":" + a.kind().name().substring(0, 1).toLowerCase(Locale.ROOT)
                + (a.elementwise() ? " ew" + a.primes() : "") + " " + show(a.arg()) + ")";
            case Expr.Grad g -> "(grad " + show(g.of()) + ")";
            case Expr.Diff d -> "(d " + show(d.arg()) + ")";
        };
    }
}
