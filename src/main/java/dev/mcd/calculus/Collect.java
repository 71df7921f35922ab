package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collecting like terms: x'dx + x'dx = 2x'dx, A - A = 0. Terms are alike when equal apart from
 * their numeric coefficient; the first occurrence fixes the order.
 */
final class Collect {
    private Collect() {}

    static Expr apply(Expr sum) {
        Map<Expr, Double> bodies = new LinkedHashMap<>();
        for (Expr term : Ex.terms(sum)) {
            Product p = Product.of(term);
            Expr body = new Product(1, p.scalars(), p.chain()).toExpr();
            bodies.merge(body, p.coefficient(), Double::sum);
        }
        List<Expr> out = new ArrayList<>();
        bodies.forEach((body, c) -> {
            if (c != 0) {
                out.add(Tidy.apply(Ex.mul(Ex.num(c), body)));
            }
        });
        return Tidy.apply(Ex.add(out));
    }
}
