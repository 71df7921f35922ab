package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Kind;

/**
 * Which sizes of an expression are known to be 1: a scalar is 1×1, x' is 1×n, A*x is n×1.
 * The engine needs only this much shape to decide where a scalar may commute or be traced;
 * the full symbolic shapes are the shape checker's.
 */
record Outline(boolean rowsOne, boolean colsOne) {
    static final Outline SCALAR = new Outline(true, true);
    static final Outline COLUMN = new Outline(false, true);
    static final Outline MATRIX = new Outline(false, false);

    boolean scalar() {
        return rowsOne && colsOne;
    }

    Outline transposed() {
        return new Outline(colsOne, rowsOne);
    }

    static Outline of(Kind kind) {
        return switch (kind) {
            case SCALAR -> SCALAR;
            case VECTOR -> COLUMN;
            case MATRIX -> MATRIX;
        };
    }

    static Outline of(Expr e) {
        return switch (e) {
            case Expr.Var v -> of(v.kind());
            case Expr.Num n -> SCALAR;
            case Expr.Identity i -> MATRIX;
            case Expr.Zero z -> MATRIX;
            case Expr.Ones o -> COLUMN;
            case Expr.Add a -> widest(a.terms());
            case Expr.Mul m -> product(m);
            case Expr.Neg n -> of(n.arg());
            case Expr.Div d -> of(d.num());
            case Expr.Hadamard h -> merge(of(h.left()), of(h.right()));
            case Expr.HadamardDiv h -> merge(of(h.left()), of(h.right()));
            case Expr.Kron k -> new Outline(of(k.left()).rowsOne && of(k.right()).rowsOne,
                    of(k.left()).colsOne && of(k.right()).colsOne);
            case Expr.Unvec u -> unvec(u);
            case Expr.Pow p -> of(p.base());
            case Expr.ElemPow p -> of(p.base());
            case Expr.Inv i -> of(i.arg());
            case Expr.Transpose t -> of(t.arg()).transposed();
            case Expr.Call c -> switch (c.fn().family()) {
                case TRACE, DETERMINANT, SUM, NORM2, FROBENIUS -> SCALAR;
                case DIAG -> of(c.arg()).colsOne && !of(c.arg()).rowsOne ? MATRIX : of(c.arg()).scalar() ? SCALAR : COLUMN;
                case VEC -> of(c.arg()).scalar() ? SCALAR : COLUMN;
                case ADJUGATE, ELEMENTWISE -> of(c.arg());
            };
            case Expr.Prime p -> of(p.arg());
            case Expr.Apply a -> a.elementwise() ? of(a.arg()) : of(a.kind());
            case Expr.Grad g -> grad(g);
            case Expr.Diff d -> of(d.arg());
        };
    }

    /** Numerator layout: dl/dX of a scalar l is shaped like X'; dy/dx is m×n. */
    private static Outline grad(Expr.Grad g) {
        Outline f = of(g.of().kind());
        Outline arg = of(g.of().arg());
        return f.scalar() ? arg.transposed() : new Outline(f.rowsOne, arg.rowsOne);
    }

    /** One row when the size it takes is known to be 1; one column only when it is also a scalar. */
    private static Outline unvec(Expr.Unvec u) {
        Outline like = of(u.like());
        boolean rowsOne = u.side() == Expr.Unvec.Side.ROWS ? like.rowsOne : like.colsOne;
        return new Outline(rowsOne, rowsOne && of(u.arg()).scalar());
    }

    private static Outline product(Expr.Mul m) {
        Boolean rows = null;
        boolean cols = true;
        for (Expr f : m.factors()) {
            Outline o = of(f);
            if (o.scalar()) {
                continue;
            }
            if (rows == null) {
                rows = o.rowsOne;
            }
            cols = o.colsOne;
        }
        return rows == null ? SCALAR : new Outline(rows, cols);
    }

    private static Outline widest(java.util.List<Expr> terms) {
        Outline o = null;
        for (Expr t : terms) {
            if (t instanceof Expr.Zero) {
                continue;
            }
            o = o == null ? of(t) : merge(o, of(t));
        }
        return o == null ? MATRIX : o;
    }

    private static Outline merge(Outline a, Outline b) {
        return new Outline(a.rowsOne && b.rowsOne, a.colsOne && b.colsOne);
    }
}
