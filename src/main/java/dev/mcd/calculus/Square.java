package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import dev.mcd.expr.ExprException;
import dev.mcd.expr.Kind;
import dev.mcd.expr.Shape;
import dev.mcd.expr.ShapeChecker;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which expressions the function's shapes prove square, for rules that hold only for square
 * factors: tr(A ⊗ B) = tr(A) tr(B) needs A and B square, not merely m_A·m_B = n_A·n_B. A matrix
 * variable is square when the shape checker unified its rows with its columns (X in tr(X), in
 * inv(X), in x'*X*x); a product is square when it is a Gram product M'…M or all its factors are.
 * Conservative: "not known square" makes a rule not apply, which can refuse but never lie.
 *
 * @param variables the matrix variables proved square
 */
record Square(Set<String> variables) {
    Square {
        variables = Set.copyOf(variables);
    }

    /**
     * The square variables of f and of the premises (tr(A) for a declared square A), by their
     * symbolic shapes; none from a tree that is not well-shaped on its own.
     */
    static Square of(Expr f, java.util.List<Expr> premises) {
        Set<String> out = new TreeSet<>();
        java.util.List<Expr> roots = new java.util.ArrayList<>(premises);
        roots.add(f);
        for (Expr root : roots) {
            try {
                for (Map.Entry<String, Shape> e : ShapeChecker.check(root, Map.of()).variables().entrySet()) {
                    if (e.getValue().rows().equals(e.getValue().cols())) {
                        out.add(e.getKey());
                    }
                }
            } catch (ExprException notShaped) {
                // trees built by tests without a shape check: nothing is known square
            }
            selfKron(root, out);
        }
        return new Square(out);
    }

    /** tr(X ⊗ X) makes X square (m² = n²), which the shape checker's size products do not settle. */
    private static void selfKron(Expr e, Set<String> out) {
        if (e instanceof Expr.Call(var fn, Expr.Kron(Expr.Var l, Expr.Var r))
                && (fn == dev.mcd.expr.Fn.TR || fn == dev.mcd.expr.Fn.DET) && l.equals(r)) {
            out.add(l.name());
        }
        e.children().forEach(c -> selfKron(c, out));
    }

    boolean test(Expr e) {
        return switch (e) {
            case Expr.Var v -> v.kind() == Kind.SCALAR || variables.contains(v.name());
            case Expr.Num n -> true;
            case Expr.Identity i -> true;
            case Expr.Inv i -> true;
            case Expr.Pow p -> true;
            case Expr.Diff d -> test(d.arg());
            case Expr.Transpose t -> test(t.arg());
            case Expr.Neg n -> test(n.arg());
            case Expr.Div d -> test(d.num());
            case Expr.Kron k -> test(k.left()) && test(k.right());
            case Expr.Add a -> a.terms().stream().anyMatch(this::test);
            case Expr.Hadamard h -> test(h.left()) || test(h.right());
            case Expr.Mul m -> product(m);
            case Expr.Call c -> switch (c.fn().family()) {
                case ADJUGATE, TRACE, DETERMINANT, SUM, NORM2, FROBENIUS -> true;
                case DIAG -> Outline.of(c.arg()).colsOne() && !Outline.of(c.arg()).rowsOne();
                case ELEMENTWISE -> test(c.arg());
                case VEC -> false;
            };
            case Expr.Apply a -> a.elementwise() ? test(a.arg()) : a.kind() == Kind.SCALAR;
            default -> Outline.of(e).scalar();
        };
    }

    /** M'…M (a Gram product) or a product of square factors. */
    private boolean product(Expr.Mul m) {
        var chain = m.factors().stream().filter(f -> !Outline.of(f).scalar()).toList();
        if (chain.isEmpty()) {
            return true;
        }
        Expr first = chain.getFirst();
        Expr last = chain.getLast();
        if (chain.size() > 1 && (first.equals(Ex.t(last)) || last.equals(Ex.t(first))
                || (first instanceof Expr.Transpose t && t.arg().equals(last)))) {
            return true;
        }
        return chain.stream().allMatch(this::test);
    }
}
