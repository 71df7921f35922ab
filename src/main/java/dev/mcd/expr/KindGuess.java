package dev.mcd.expr;

import java.util.List;

/**
 * The kind an expression's value has, read from its form alone, e.g. {@code W1*x} is a vector;
 * the parser gives it to {@code sigma(W1*x)}, whose value has its argument's shape. Row vectors
 * count as vectors; unknown sizes (a bare {@code 0}) fall back to matrix.
 */
final class KindGuess {
    private KindGuess() {}

    /** Orientation: rows and columns are "one" or "many", or unknown. */
    private enum O { SCALAR, COLUMN, ROW, MATRIX, UNKNOWN }

    static Kind of(Expr e) {
        return switch (orientation(e)) {
            case SCALAR -> Kind.SCALAR;
            case COLUMN, ROW -> Kind.VECTOR;
            case MATRIX, UNKNOWN -> Kind.MATRIX;
        };
    }

    private static O orientation(Expr e) {
        return switch (e) {
            case Expr.Var v -> switch (v.kind()) {
                case SCALAR -> O.SCALAR;
                case VECTOR -> O.COLUMN;
                case MATRIX -> O.MATRIX;
            };
            case Expr.Num n -> O.SCALAR;
            case Expr.Identity i -> O.MATRIX;
            case Expr.Zero z -> O.UNKNOWN;
            case Expr.Ones o -> O.COLUMN;
            case Expr.Add a -> firstKnown(a.terms());
            case Expr.Mul m -> product(m.factors());
            case Expr.Neg n -> orientation(n.arg());
            case Expr.Div d -> orientation(d.num());
            case Expr.Hadamard h -> firstKnown(List.of(h.left(), h.right()));
            case Expr.HadamardDiv h -> firstKnown(List.of(h.left(), h.right()));
            case Expr.Kron k -> kron(orientation(k.left()), orientation(k.right()));
            case Expr.Unvec u -> unvec(orientation(u.arg()), orientation(u.like()), u.side());
            case Expr.Pow p -> orientation(p.base());
            case Expr.ElemPow p -> orientation(p.base());
            case Expr.Inv i -> orientation(i.arg()) == O.SCALAR ? O.SCALAR : O.MATRIX;
            case Expr.Transpose t -> transpose(orientation(t.arg()));
            case Expr.Call c -> call(c.fn(), orientation(c.arg()));
            case Expr.Prime p -> orientation(p.arg());
            case Expr.Apply a -> a.elementwise() ? orientation(a.arg()) : ofKind(a.kind());
            case Expr.Grad g -> grad(g.of().kind(), orientation(g.of().arg()));
            case Expr.Diff d -> orientation(d.arg());
        };
    }

    private static O ofKind(Kind k) {
        return switch (k) {
            case SCALAR -> O.SCALAR;
            case VECTOR -> O.COLUMN;
            case MATRIX -> O.MATRIX;
        };
    }

    private static O firstKnown(List<Expr> es) {
        for (Expr e : es) {
            O o = orientation(e);
            if (o != O.UNKNOWN) {
                return o;
            }
        }
        return O.UNKNOWN;
    }

    private static O product(List<Expr> factors) {
        O first = null;
        O last = null;
        for (Expr f : factors) {
            O o = orientation(f);
            if (o == O.UNKNOWN) {
                return O.UNKNOWN;
            }
            if (o != O.SCALAR) {
                first = first == null ? o : first;
                last = o;
            }
        }
        if (first == null) {
            return O.SCALAR;
        }
        boolean oneRow = first == O.ROW;
        boolean oneCol = last == O.COLUMN;
        return oneRow ? (oneCol ? O.SCALAR : O.ROW) : (oneCol ? O.COLUMN : O.MATRIX);
    }

    private static O kron(O l, O r) {
        if (l == O.UNKNOWN || r == O.UNKNOWN) {
            return O.UNKNOWN;
        }
        if (l == O.SCALAR) {
            return r;
        }
        return r == O.SCALAR || r == l ? l : O.MATRIX;
    }

    /** One row when the size it takes is 1 (a scalar's, a row's rows, a column's columns); else a matrix. */
    private static O unvec(O arg, O like, Expr.Unvec.Side side) {
        if (arg == O.UNKNOWN || like == O.UNKNOWN) {
            return O.UNKNOWN;
        }
        boolean oneRow = like == O.SCALAR || (side == Expr.Unvec.Side.ROWS ? like == O.ROW : like == O.COLUMN);
        if (!oneRow) {
            return O.MATRIX;
        }
        return arg == O.SCALAR ? O.SCALAR : O.ROW;
    }

    private static O transpose(O o) {
        return switch (o) {
            case COLUMN -> O.ROW;
            case ROW -> O.COLUMN;
            case SCALAR, MATRIX, UNKNOWN -> o;
        };
    }

    private static O call(Fn fn, O arg) {
        return switch (fn.family()) {
            case TRACE, DETERMINANT, SUM, NORM2, FROBENIUS -> O.SCALAR;
            case ADJUGATE -> arg == O.SCALAR ? O.SCALAR : O.MATRIX;
            case DIAG -> arg == O.COLUMN || arg == O.ROW ? O.MATRIX : arg == O.SCALAR ? O.SCALAR : O.COLUMN;
            case VEC -> arg == O.SCALAR ? O.SCALAR : O.COLUMN;
            case ELEMENTWISE -> arg;
        };
    }

    private static O grad(Kind value, O arg) {
        return switch (value) {
            case SCALAR -> transpose(arg);
            case VECTOR -> arg == O.SCALAR ? O.COLUMN : O.MATRIX;
            case MATRIX -> O.MATRIX;
        };
    }
}
