package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Expr.Call;
import dev.mcd.expr.Fn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A term of the shape {@code c * tr(Y)} where only Y holds the differential, e.g.
 * {@code 2 tr(A dX)}: outside = 2, inner = A dX. The trace form of eq. 3 is built from these.
 */
record Traced(Expr outside, Expr inner) {

    static Optional<Traced> of(Expr term) {
        Product p = Product.of(term);
        int s = p.diffInScalars();
        if (s < 0 || !p.chain().isEmpty() || !(p.scalars().get(s) instanceof Call c && c.fn() == Fn.TR)) {
            return Optional.empty();
        }
        List<Expr> others = new ArrayList<>(p.scalars());
        others.remove(s);
        if (others.stream().anyMatch(Tree::hasDiff)) {
            return Optional.empty();
        }
        others.addFirst(Ex.num(p.coefficient()));
        return Optional.of(new Traced(Tidy.apply(Ex.mul(others)), c.arg()));
    }
}
