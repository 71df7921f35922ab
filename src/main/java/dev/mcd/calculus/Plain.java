package dev.mcd.calculus;

import dev.mcd.expr.Expr;

/**
 * A short readable rendering of an expression for engine messages, e.g. {@code d(X)'*A}; the
 * real printers live in the print package, which the engine must not depend on.
 */
final class Plain {
    private Plain() {}

    static String of(Expr e) {
        return switch (e) {
            case Expr.Var v -> v.name();
            case Expr.Num n -> n.value() == Math.rint(n.value()) ? Long.toString((long) n.value()) : Double.toString(n.value());
            case Expr.Identity i -> "I";
            case Expr.Zero z -> "0";
            case Expr.Ones o -> "ones";
            case Expr.Add a -> "(" + String.join(" + ", a.terms().stream().map(Plain::of).toList()) + ")";
            case Expr.Mul m -> String.join("*", m.factors().stream().map(Plain::of).toList());
            case Expr.Neg n -> "-" + of(n.arg());
            case Expr.Div d -> of(d.num()) + "/" + of(d.den());
            case Expr.Hadamard h -> "(" + of(h.left()) + " .* " + of(h.right()) + ")";
            case Expr.HadamardDiv h -> "(" + of(h.left()) + " ./ " + of(h.right()) + ")";
            case Expr.Kron k -> "kron(" + of(k.left()) + ", " + of(k.right()) + ")";
            case Expr.Pow p -> "(" + of(p.base()) + ")^" + of(p.exponent());
            case Expr.ElemPow p -> "(" + of(p.base()) + ").^" + of(p.exponent());
            case Expr.Inv i -> "inv(" + of(i.arg()) + ")";
            case Expr.Transpose t -> "(" + of(t.arg()) + ")'";
            case Expr.Call c -> c.fn().source() + "(" + of(c.arg()) + ")";
            case Expr.Prime p -> p.fn().source() + "'(" + of(p.arg()) + ")";
            case Expr.Apply a -> a.name() + "'".repeat(a.primes()) + "(" + of(a.arg()) + ")";
            case Expr.Grad g -> g.of().name() + "'(" + of(g.of().arg()) + ")";
            case Expr.Diff d -> "d(" + of(d.arg()) + ")";
        };
    }
}
