package dev.mcd.calculus;

import static dev.mcd.calculus.Ex.mul;
import static dev.mcd.calculus.Ex.t;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Expr.*;
import dev.mcd.expr.Fn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The moves that go beyond the tutorial's eqs. 1–6: the vec form d vec F = J d vec X (Magnus and
 * Neudecker), the differential inside diag, and a dot product inside a longer chain. Example:
 * vec(A dX B) = (B' ⊗ A) vec(dX), so d vec(AXB) = (B' ⊗ A) d vec X and J = B' ⊗ A.
 */
final class VecForm {
    private VecForm() {}

    private static boolean column(Expr e) {
        return Outline.of(e).colsOne();
    }

    /** J of a term J vec(dX), or J dx for a vector variable (vec of a column is itself). */
    static Optional<Expr> jacobianOf(Expr term, Var v) {
        Product p = Product.of(term);
        if (p.diffInScalars() >= 0 || p.chain().isEmpty()) {
            return Optional.empty();
        }
        Expr last = p.chain().getLast();
        if (!last.equals(vecOfDiff(v))) {
            return Optional.empty();
        }
        List<Expr> rest = p.chain().subList(0, p.chain().size() - 1);
        if (rest.stream().anyMatch(Tree::hasDiff)) {
            return Optional.empty();
        }
        Expr chain = rest.isEmpty() ? new Expr.Identity() : mul(rest);
        if (rest.isEmpty() && v.kind() == dev.mcd.expr.Kind.SCALAR) {
            chain = Ex.num(1);
        }
        return Optional.of(new Product(p.coefficient(), p.scalars(), Ex.factors(chain)).toExpr());
    }

    /** vec(dX) for a matrix variable; a vector's differential is its own vec. */
    static Expr vecOfDiff(Var v) {
        return v.kind() == dev.mcd.expr.Kind.MATRIX ? new Call(Fn.VEC, Ex.d(v)) : Ex.d(v);
    }

    /** vec(F) of a term that is a column (or scalar) but not yet J vec(dX): vec of a column is itself. */
    static Optional<Expr> wrapColumn(Expr term, Var v) {
        if (jacobianOf(term, v).isPresent() || !column(term) || Outline.of(term).scalar()
                || Tree.anyMatch(term, e -> e instanceof Call c && c.fn() == Fn.VEC && Tree.hasDiff(c))) {
            return Optional.empty();
        }
        Product p = Product.of(term);
        if (p.diffInChain() < 0) {
            return Optional.empty();
        }
        List<Expr> out = new ArrayList<>();
        out.add(Ex.num(p.coefficient()));
        out.addAll(p.scalars());
        out.add(new Call(Fn.VEC, mul(p.chain())));
        return Optional.of(mul(out));
    }

    /** vec(A + B) = vec(A) + vec(B), vec(-A) = -vec(A), vec(cA) = c vec(A): vec is linear. */
    static Optional<Expr> linearity(Expr term) {
        Expr out = Tree.bottomUp(term, VecForm::linearNode);
        return out.equals(term) ? Optional.empty() : Optional.of(out);
    }

    private static Expr linearNode(Expr e) {
        if (!(e instanceof Call c && c.fn() == Fn.VEC && Tree.hasDiff(c.arg()))) {
            return e;
        }
        Expr arg = c.arg();
        if (arg instanceof Add a) {
            return Ex.add(a.terms().stream().map(x -> (Expr) new Call(Fn.VEC, x)).toList());
        }
        if (arg instanceof Neg n) {
            return Ex.neg(new Call(Fn.VEC, n.arg()));
        }
        Product p = Product.of(arg);
        if (p.diffInScalars() < 0 && (p.coefficient() != 1 || !p.scalars().isEmpty()) && !p.chain().isEmpty()) {
            List<Expr> out = new ArrayList<>();
            out.add(Ex.num(p.coefficient()));
            out.addAll(p.scalars());
            out.add(new Call(Fn.VEC, mul(p.chain())));
            return mul(out);
        }
        return e;
    }

    /**
     * vec(A dX B) = (B' ⊗ A) vec(dX); vec(C ∘ dX) = diag(vec C) vec(dX); vec of a row or column
     * vector is the column itself. A transposed dX would need the commutation matrix: refused.
     */
    static Optional<Expr> vecKron(Expr term, Var v) {
        Expr out = Tree.bottomUp(term, e -> vecNode(e, v));
        return out.equals(term) ? Optional.empty() : Optional.of(out);
    }

    private static Expr vecNode(Expr e, Var v) {
        if (!(e instanceof Call c && c.fn() == Fn.VEC && Tree.hasDiff(c.arg())) || e.equals(new Call(Fn.VEC, Ex.d(v)))) {
            return e;
        }
        Expr arg = c.arg();
        Outline o = Outline.of(arg);
        boolean matrixDiff = v.kind() == dev.mcd.expr.Kind.MATRIX;
        if (o.colsOne() && !matrixDiff) {
            return arg; // vec of a column is itself
        }
        if (o.rowsOne() && !o.colsOne() && !matrixDiff) {
            return Identifier.pushed(arg); // vec of a row is its transpose
        }
        if (arg instanceof Hadamard h) {
            boolean right = Tree.hasDiff(h.right());
            Expr z = right ? h.right() : h.left();
            Expr other = right ? h.left() : h.right();
            if (!Tree.hasDiff(other)) {
                return mul(new Call(Fn.DIAG, new Call(Fn.VEC, other)), new Call(Fn.VEC, z));
            }
            return e;
        }
        Product p = Product.of(arg);
        int i = p.diffInChain();
        // vec(dx') = dx for a vector: a transposed vector differential is as good as dx itself
        boolean rowDiff = i >= 0 && !matrixDiff && p.chain().get(i) instanceof Transpose tx && tx.arg().equals(Ex.d(v));
        if (i < 0 || p.diffInScalars() >= 0 || !(rowDiff || p.chain().get(i) instanceof Diff dz && dz.arg().equals(v))) {
            if (i >= 0 && p.chain().get(i) instanceof Transpose tt && tt.arg() instanceof Diff) {
                throw new UnsupportedException("vec of a product with a transposed differential, vec(A dX' B), needs the "
                        + "commutation matrix, which the language does not have");
            }
            return e;
        }
        List<Expr> before = p.chain().subList(0, i);
        List<Expr> after = p.chain().subList(i + 1, p.chain().size());
        Expr a = before.isEmpty() ? new Expr.Identity() : mul(before);
        Expr b = after.isEmpty() ? new Expr.Identity() : Identifier.pushed(mul(after));
        List<Expr> out = new ArrayList<>();
        out.add(Ex.num(p.coefficient()));
        out.addAll(p.scalars());
        out.add(new Kron(b, a));
        out.add(vecOfDiff(v));
        return mul(out);
    }

    /** tr(A diag(dx)) = diag(A)' dx for a vector differential dx: only the diagonal of A meets it. */
    static Optional<Expr> diagTraceVector(Expr term) {
        return Traced.of(term).flatMap(t -> {
            Product p = Product.of(t.inner());
            int i = p.diffInChain();
            if (i < 0 || p.diffInScalars() >= 0 || !(p.chain().get(i) instanceof Call c && c.fn() == Fn.DIAG)
                    || !column(c.arg()) || Outline.of(c.arg()).scalar()) {
                return Optional.empty();
            }
            List<Expr> rest = new ArrayList<>(p.chain().subList(i + 1, p.chain().size()));
            rest.addAll(p.chain().subList(0, i));
            Expr diagonal = rest.isEmpty() ? new Ones() : new Call(Fn.DIAG, mul(rest));
            List<Expr> out = new ArrayList<>();
            out.add(t.outside());
            out.add(Ex.num(p.coefficient()));
            out.addAll(p.scalars());
            out.add(t(diagonal));
            out.add(c.arg());
            return Optional.of(mul(out));
        });
    }

    /**
     * 1'(P ∘ Q)1 = tr(P' Q), for Q holding the differential: the sum of a Hadamard product's entries
     * is a trace, where diag-trace can then meet a diag(dx), as in sum(abs(diag(x))).
     */
    static Optional<Expr> hadamardTrace(Expr term) {
        Product p = Product.of(term);
        if (p.diffInScalars() >= 0 || p.chain().size() != 3 || !(p.chain().get(0) instanceof Transpose first
                && first.arg() instanceof Ones) || !(p.chain().get(2) instanceof Ones)
                || !(p.chain().get(1) instanceof Hadamard h)) {
            return Optional.empty();
        }
        boolean right = Tree.hasDiff(h.right());
        Expr q = right ? h.right() : h.left();
        Expr other = right ? h.left() : h.right();
        if (Tree.hasDiff(other)) {
            return Optional.empty();
        }
        List<Expr> out = new ArrayList<>();
        out.add(Ex.num(p.coefficient()));
        out.addAll(p.scalars());
        out.add(Ex.tr(mul(t(other), q)));
        return Optional.of(mul(out));
    }

    /** r diag(dX) = tr(diag(r') dX) for a row r: the diagonal of dX weighted by r (inside a trace). */
    static Optional<Expr> diagTraceMatrix(Product p) {
        int i = p.diffInChain();
        if (i < 0 || p.diffInScalars() >= 0 || i != p.chain().size() - 1) {
            return Optional.empty();
        }
        Expr last = p.chain().get(i);
        if (!(last instanceof Call c && c.fn() == Fn.DIAG) || column(c.arg())) {
            return Optional.empty();
        }
        List<Expr> before = p.chain().subList(0, i);
        Expr weights = before.isEmpty() ? new Ones() : Identifier.pushed(mul(before));
        if (!column(weights)) {
            return Optional.empty();
        }
        List<Expr> out = new ArrayList<>();
        out.add(Ex.num(p.coefficient()));
        out.addAll(p.scalars());
        out.add(new Call(Fn.DIAG, weights));
        out.add(c.arg());
        return Optional.of(mul(out));
    }

    /** diag(dx) b = diag(b) dx: two vectors multiplied element by element, either way round. */
    static Optional<Expr> diagSwap(Product p) {
        int i = p.diffInChain();
        if (i < 0 || i == p.chain().size() - 1 || !(p.chain().get(i) instanceof Call c && c.fn() == Fn.DIAG)
                || !column(c.arg()) || Outline.of(c.arg()).scalar()) {
            return Optional.empty();
        }
        Expr after = mul(p.chain().subList(i + 1, p.chain().size()));
        if (!column(after) || Tree.hasDiff(after)) {
            return Optional.empty();
        }
        List<Expr> chain = new ArrayList<>(p.chain().subList(0, i));
        chain.add(new Call(Fn.DIAG, after));
        chain.add(c.arg());
        return Optional.of(p.withChain(chain).toExpr());
    }

    /** x (dx' y) = x (y' dx): a scalar run inside a chain that starts with a transposed differential. */
    static Optional<Expr> dotInChain(Product p) {
        int i = p.diffInChain();
        if (i < 0 || !(p.chain().get(i) instanceof Transpose t && Tree.hasDiff(t.arg()))) {
            return Optional.empty();
        }
        for (int j = i + 1; j <= p.chain().size(); j++) {
            List<Expr> run = p.chain().subList(i, j);
            if (run.size() > 1 && Outline.of(mul(run)).scalar() && run.subList(1, run.size()).stream().noneMatch(Tree::hasDiff)) {
                List<Expr> chain = new ArrayList<>(p.chain().subList(0, i));
                chain.addAll(p.chain().subList(j, p.chain().size()));
                List<Expr> scalars = new ArrayList<>(p.scalars());
                scalars.add(new Mul(Ex.factors(Identifier.pushed(mul(run)))));
                return Optional.of(new Product(p.coefficient(), scalars, chain).toExpr());
            }
        }
        return Optional.empty();
    }
}
