package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import java.util.List;

/**
 * The engine's answer for "derive f by v": the chain d(f) = steps[0].rhs = steps[1].rhs = ...,
 * the form it was read off with, and the derivative in numerator layout. Example 1 of the
 * tutorial: f = x'x, v = x, result 2x', form {@link Form#SCALAR_BY_VECTOR} (eq. 2).
 *
 * @param function the expression differentiated
 * @param wrt      the variable
 * @param start    the differential as first written, {@code d(f)}
 * @param steps    the chain, first expansion first; the last rhs is in identification form
 * @param form     which of eqs. 1–6 reads the result off
 * @param result   the derivative (numerator layout)
 * @param premises what the declarations assume beyond f's shapes, e.g. tr(A) for a square A
 */
public record Derivation(Expr function, Expr.Var wrt, Expr start, List<Step> steps, Form form, Expr result,
                         List<Expr> premises) {
    public Derivation {
        steps = List.copyOf(steps);
        premises = List.copyOf(premises);
    }

    public Derivation(Expr function, Expr.Var wrt, Expr start, List<Step> steps, Form form, Expr result) {
        this(function, wrt, start, steps, form, result, List.of());
    }

    /** Every equation number cited by a step, in order of first use, then the read-off one. */
    public List<Integer> citedEquations() {
        var seen = new java.util.LinkedHashSet<Integer>();
        for (Step s : steps) {
            seen.addAll(s.equations());
        }
        seen.add(form.equation());
        return List.copyOf(seen);
    }
}
