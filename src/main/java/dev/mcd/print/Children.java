package dev.mcd.print;

import dev.mcd.expr.Expr;
import java.util.List;

/** The direct subexpressions of a node, e.g. the terms of a sum, for walks over a whole tree. */
final class Children {
    private Children() {}

    static List<Expr> of(Expr e) {
        return switch (e) {
            case Expr.Var v -> List.of();
            case Expr.Num n -> List.of();
            case Expr.Identity i -> List.of();
            case Expr.Zero z -> List.of();
            case Expr.Ones o -> List.of();
            case Expr.Add a -> a.terms();
            case Expr.Mul m -> m.factors();
            case Expr.Neg n -> List.of(n.arg());
            case Expr.Div d -> List.of(d.num(), d.den());
            case Expr.Hadamard h -> List.of(h.left(), h.right());
            case Expr.HadamardDiv h -> List.of(h.left(), h.right());
            case Expr.Kron k -> List.of(k.left(), k.right());
            case Expr.Pow p -> List.of(p.base(), p.exponent());
            case Expr.ElemPow p -> List.of(p.base(), p.exponent());
            case Expr.Inv i -> List.of(i.arg());
            case Expr.Transpose t -> List.of(t.arg());
            case Expr.Call c -> List.of(c.arg());
            case Expr.Prime p -> List.of(p.arg());
            case Expr.Apply a -> List.of(a.arg());
            case Expr.Grad g -> List.of(g.of());
            case Expr.Diff d -> List.of(d.arg());
        };
    }
}
