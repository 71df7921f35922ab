package dev.mcd.expr;

import java.util.List;

/**
 * A copy of a tree in which every node is a new object. The engine shares subtrees (one {@code ones}
 * record stands in several places), but {@link ShapeChecker} keys shapes by node identity, so a
 * shared {@code ones} would get one size where it needs two: 1_m and 1_n in sum(X + cos(X)).
 */
public final class FreshCopy {
    private FreshCopy() {}

    public static Expr of(Expr e) {
        return switch (e) {
            case Expr.Var v -> new Expr.Var(v.name(), v.kind());
            case Expr.Num n -> new Expr.Num(n.value());
            case Expr.Identity i -> new Expr.Identity();
            case Expr.Zero z -> new Expr.Zero();
            case Expr.Ones o -> new Expr.Ones();
            case Expr.Add a -> new Expr.Add(all(a.terms()));
            case Expr.Mul m -> new Expr.Mul(all(m.factors()));
            case Expr.Neg n -> new Expr.Neg(of(n.arg()));
            case Expr.Div d -> new Expr.Div(of(d.num()), of(d.den()));
            case Expr.Hadamard h -> new Expr.Hadamard(of(h.left()), of(h.right()));
            case Expr.HadamardDiv h -> new Expr.HadamardDiv(of(h.left()), of(h.right()));
            case Expr.Kron k -> new Expr.Kron(of(k.left()), of(k.right()));
            case Expr.Unvec u -> new Expr.Unvec(of(u.arg()), of(u.like()), u.side());
            case Expr.Pow p -> new Expr.Pow(of(p.base()), of(p.exponent()));
            case Expr.ElemPow p -> new Expr.ElemPow(of(p.base()), of(p.exponent()));
            case Expr.Inv i -> new Expr.Inv(of(i.arg()));
            case Expr.Transpose t -> new Expr.Transpose(of(t.arg()));
            case Expr.Call c -> new Expr.Call(c.fn(), of(c.arg()));
            case Expr.Prime p -> new Expr.Prime(p.fn(), of(p.arg()));
            case Expr.Apply a -> apply(a);
            case Expr.Grad g -> new Expr.Grad(apply(g.of()));
            case Expr.Diff d -> new Expr.Diff(of(d.arg()));
        };
    }

    private static Expr.Apply apply(Expr.Apply a) {
        return new Expr.Apply(a.name(), of(a.arg()), a.kind(), a.elementwise(), a.primes());
    }

    private static List<Expr> all(List<Expr> es) {
        return es.stream().map(FreshCopy::of).toList();
    }
}
