package dev.mcd.calculus;

import static dev.mcd.calculus.Ex.mul;
import static dev.mcd.calculus.Ex.t;
import static dev.mcd.calculus.Ex.tr;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Expr.*;
import dev.mcd.expr.Fn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The moves that need the inverse of vec, {@code unvec(v, rows(M))}: a Kronecker product against a
 * column becomes the vec of an ordinary product, and a row against a vec becomes a trace, so that a
 * scalar such as a'(dX ⊗ B)b reaches tr(G dX). Example: with b = vec(U), U = unvec(b, cols(B)),
 * (dX ⊗ B) b = vec(B U dX') (fact kron-vec), and a' vec(M) = tr(unvec(a, rows(M))' M) (vec-dot).
 */
final class Reshape {
    private Reshape() {}

    /** A size named as unvec names it: the rows or the columns of {@code like}. */
    record Size(Expr like, Unvec.Side side) {}

    /**
     * The plainest expression with the same size: cols(B U dX') is cols(dX') = rows(X), so the
     * result names a variable where it can (a differential never stands in a size).
     */
    static Size size(Expr e, Unvec.Side side) {
        Size inner = switch (e) {
            case Transpose t -> new Size(t.arg(), side.flipped());
            case Diff d -> new Size(d.arg(), side);
            case Neg n -> new Size(n.arg(), side);
            case Inv i -> new Size(i.arg(), side);
            case Pow p -> new Size(p.base(), side);
            case Prime p -> new Size(p.arg(), side);
            case Hadamard h -> new Size(h.left(), side);
            case HadamardDiv h -> new Size(h.left(), side);
            case Div d -> new Size(d.num(), side);
            case Call c when c.fn().elementwise() || c.fn() == Fn.ADJ -> new Size(c.arg(), side);
            case Add a -> new Size(a.terms().stream().filter(x -> !(x instanceof Zero)).findFirst().orElse(e), side);
            case Mul m -> {
                List<Expr> matrices = m.factors().stream().filter(f -> !Outline.of(f).scalar()).toList();
                yield matrices.isEmpty() ? null
                        : new Size(side == Unvec.Side.ROWS ? matrices.getFirst() : matrices.getLast(), side);
            }
            case Unvec u when side == Unvec.Side.ROWS -> new Size(u.like(), u.side());
            default -> null;
        };
        if (inner == null || inner.like() == e || inner.like() instanceof Expr.Identity || inner.like() instanceof Zero
                || inner.like() instanceof Ones) {
            return new Size(e, side); // I, 0 and ones take their size from their place, not their own
        }
        return size(inner.like(), inner.side());
    }

    static Expr unvec(Expr v, Size size) {
        return new Unvec(v, size.like(), size.side());
    }

    /**
     * (P ⊗ Q) c = vec(Q unvec(c, cols(Q)) P') for a column c: vec(A X B) = (B' ⊗ A) vec X read
     * backwards with X = unvec(c). Applied where the Kronecker factor holds the differential.
     */
    static Optional<Expr> kronVec(Expr term, Var v) {
        return inProduct(term, p -> {
            int i = p.diffInChain();
            if (i < 0 || p.diffInScalars() >= 0 || !(p.chain().get(i) instanceof Kron k)) {
                return Optional.empty();
            }
            for (int j = i + 1; j < p.chain().size(); j++) {
                List<Expr> run = p.chain().subList(i + 1, j + 1);
                if (run.stream().anyMatch(Tree::hasDiff)) {
                    return Optional.empty();
                }
                Outline o = Outline.of(mul(run));
                if (o.colsOne() && !o.rowsOne()) {
                    Expr u = unvec(Tidy.apply(mul(run)), size(k.right(), Unvec.Side.COLS));
                    Expr vec = new Call(Fn.VEC, mul(k.right(), u, Identifier.pushed(k.left())));
                    List<Expr> chain = new ArrayList<>(p.chain().subList(0, i));
                    chain.add(vec);
                    chain.addAll(p.chain().subList(j + 1, p.chain().size()));
                    return Optional.of(p.withChain(chain).toExpr());
                }
            }
            return Optional.empty();
        });
    }

    /**
     * a' vec(M) = tr(unvec(a, rows(M))' M): the dot product of two vecs is the trace of the
     * matrices' product (also read as vec(M)' a). Only where it is the whole scalar, r vec(dM).
     */
    static Optional<Expr> vecDot(Expr term, Var v) {
        return inProduct(term, p -> {
            if (p.diffInScalars() >= 0 || p.chain().size() != 2) {
                return Optional.empty();
            }
            Expr first = p.chain().get(0);
            Expr second = p.chain().get(1);
            Expr row;
            Expr vec;
            if (isVecOfDiff(second) && !Tree.hasDiff(first) && Outline.of(first).rowsOne()) {
                row = first;
                vec = second;
            } else if (first instanceof Transpose tv && isVecOfDiff(tv.arg()) && !Tree.hasDiff(second)
                    && Outline.of(second).colsOne()) {
                row = Identifier.pushed(second);
                vec = tv.arg();
            } else {
                return Optional.empty();
            }
            Expr m = ((Call) vec).arg();
            Expr u = unvec(Identifier.pushed(row), size(m, Unvec.Side.ROWS));
            List<Expr> out = new ArrayList<>();
            out.add(Ex.num(p.coefficient()));
            out.addAll(p.scalars());
            out.add(tr(mul(t(u), m)));
            return Optional.of(Tidy.apply(mul(out)));
        });
    }

    private static boolean isVecOfDiff(Expr e) {
        return e instanceof Call c && c.fn() == Fn.VEC && Tree.hasDiff(c.arg()) && !Outline.of(c.arg()).colsOne();
    }

    /** Applies a rewrite of the term's product, or of the product inside its trace, tr(s Y) staying tr(s Y). */
    private static Optional<Expr> inProduct(Expr term, java.util.function.Function<Product, Optional<Expr>> f) {
        Optional<Traced> traced = Traced.of(term);
        if (traced.isPresent()) {
            Traced t = traced.get();
            return f.apply(Product.of(t.inner())).map(inner -> Tidy.apply(unwrapped(t.outside(), inner)));
        }
        return f.apply(Product.of(term));
    }

    /** outside · tr(inner), without a trace around an inner that is already a scalar (a trace itself). */
    private static Expr unwrapped(Expr outside, Expr inner) {
        return Outline.of(inner).scalar() ? mul(outside, inner) : mul(outside, tr(inner));
    }
}
