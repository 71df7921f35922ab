package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Expr.*;

/**
 * The same derivative in the other two conventions, computed from the engine's numerator-layout
 * result: denominator layout transposes every case but a matrix by a scalar; mixed layout (the
 * convention of matrixcalculus.org) transposes a scalar by a vector or a matrix and keeps
 * Jacobians. Example: x'x by x is 2x' here, 2x in both others.
 */
public final class Layouts {
    private Layouts() {}

    public static Expr denominator(Derivation d) {
        return switch (d.form()) {
            case SCALAR_BY_SCALAR, MATRIX_BY_SCALAR -> d.result();
            case SCALAR_BY_VECTOR, SCALAR_BY_MATRIX, VECTOR_BY_SCALAR, VECTOR_BY_VECTOR, VEC -> transpose(d.result());
        };
    }

    public static Expr mixed(Derivation d) {
        return switch (d.form()) {
            case SCALAR_BY_VECTOR, SCALAR_BY_MATRIX -> transpose(d.result());
            case SCALAR_BY_SCALAR, VECTOR_BY_SCALAR, VECTOR_BY_VECTOR, MATRIX_BY_SCALAR, VEC -> d.result();
        };
    }

    /** e' with the transpose moved down to the names: (2x(Wx+b)')' = 2(Wx+b)x'. */
    public static Expr transpose(Expr e) {
        return Tidy.apply(push(e));
    }

    private static Expr push(Expr e) {
        return switch (e) {
            case Mul m -> {
                var rev = new java.util.ArrayList<Expr>();
                for (int i = m.factors().size() - 1; i >= 0; i--) {
                    rev.add(push(m.factors().get(i)));
                }
                yield Ex.mul(rev);
            }
            case Add a -> Ex.add(a.terms().stream().map(Layouts::push).toList());
            case Neg n -> Ex.neg(push(n.arg()));
            case Div q -> new Div(push(q.num()), q.den());
            case Hadamard h -> new Hadamard(push(h.left()), push(h.right()));
            case HadamardDiv h -> new HadamardDiv(push(h.left()), push(h.right()));
            case Kron k -> new Kron(push(k.left()), push(k.right()));
            case Transpose t -> t.arg();
            default -> Outline.of(e).scalar() || Symmetry.isSymmetric(e) ? e : Ex.t(e);
        };
    }
}
