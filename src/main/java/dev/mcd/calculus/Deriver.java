package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Expr.Var;
import dev.mcd.expr.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives an expression by a variable the tutorial's way: expand d(f) rule by rule
 * ({@link Expander}), bring it to the form of one of eqs. 1–6 and read the derivative off
 * ({@link Identifier}). Example: {@code derive(x'*x, x)} gives 2x' by eq. (2).
 */
public final class Deriver {
    private Deriver() {}

    public static Derivation derive(Expr f, Var wrt) {
        return derive(f, wrt, List.of());
    }

    /**
     * Derives under premises from the declarations, e.g. tr(A) for {@code A: square matrix}, which
     * let rules that need square factors apply.
     */
    public static Derivation derive(Expr f, Var wrt, List<Expr> premises) {
        Form form = formOf(f, wrt);
        // the vec form of a matrix or row F starts from d vec F, so that every step is one column
        Expr start = form == Form.VEC && !Outline.of(f).colsOne() ? Ex.d(new Expr.Call(dev.mcd.expr.Fn.VEC, f)) : Ex.d(f);
        if (!Tree.dependsOn(f, wrt)) {
            // f is a constant as far as the variable goes: one step, eq. 7, and the derivative 0
            List<Step> constant = List.of(new Step(new Expr.Zero(), "constant", List.of(7), List.of()));
            return new Derivation(f, wrt, start, constant, form, new Expr.Zero(), premises);
        }
        refuseSymmetricJacobian(form, wrt, premises);
        Budget budget = Budget.start();
        List<Step> steps = new ArrayList<>(Expander.expand(start, wrt, budget));
        Expr expanded = steps.isEmpty() ? start : steps.getLast().rhs();
        Identifier.Outcome outcome;
        try {
            outcome = Identifier.identify(expanded, wrt, form, Square.of(f, premises), budget);
        } catch (UnsupportedException e) {
            if (form != Form.SCALAR_BY_MATRIX || !Tree.anyMatch(expanded, x -> x instanceof Expr.Call c
                    && c.fn() == dev.mcd.expr.Fn.VEC && Tree.hasDiff(c))) {
                throw e;
            }
            // a vec the trace form cannot reach (vec-dot turns a' vec(A dX B) into a trace; a
            // differential inside a vec with a scalar around it may still not fit): the derivative
            // is read off in the vec form instead, df = J d vec X with J a row
            form = Form.VEC;
            refuseSymmetricJacobian(form, wrt, premises);
            outcome = Identifier.identify(expanded, wrt, form, Square.of(f, premises), budget);
        }
        steps.addAll(outcome.steps());
        Expr result = outcome.result();
        if (form == Form.SCALAR_BY_MATRIX && Symmetric.names(premises).contains(wrt.name())) {
            // dS is symmetric, so only the symmetric part of G meets it: tr(G dS) = tr(sym(G) dS)
            var sym = Symmetric.symmetrized(result, Symmetric.names(premises));
            if (sym.isPresent()) {
                result = sym.get();
                steps.add(new Step(Tidy.apply(Ex.tr(Ex.mul(result, Ex.d(wrt)))), "symmetric-gradient", List.of(),
                        List.of("symmetric-gradient")));
            }
        }
        return new Derivation(f, wrt, start, steps, form, result, premises);
    }

    /**
     * A symmetric variable meets only symmetric directions, so a Jacobian J by vec S is not unique
     * there (J and J + N agree whenever N vec(dS) = 0 for every symmetric dS): the one to state would
     * be J's symmetric part J(I + K)/2, or J D by the free entries vech S, and both need a structure
     * matrix (commutation K, duplication D) that the language lacks. Refused rather than shown as
     * J, which would be the analogue of the Cookbook's erratum (138) for the vec form.
     */
    private static void refuseSymmetricJacobian(Form form, Var wrt, List<Expr> premises) {
        if (form == Form.VEC && Symmetric.names(premises).contains(wrt.name())) {
            throw new UnsupportedException(wrt.name() + " is declared symmetric, so only symmetric directions d"
                    + wrt.name() + " count and a Jacobian by vec(" + wrt.name() + ") is not unique on them; the one to "
                    + "state, J(I + K)/2, needs the commutation matrix K, which the language does not have "
                    + "(declare " + wrt.name() + ": matrix for the Jacobian over all directions)");
        }
    }

    /** The kind of an expression's value from its form: scalar, column vector, else matrix (a row counts as a matrix). */
    public static Kind kindOf(Expr e) {
        Outline o = Outline.of(e);
        return o.scalar() ? Kind.SCALAR : o.colsOne() ? Kind.VECTOR : Kind.MATRIX;
    }

    /** Whether f mentions the variable at all (else its derivative is plainly 0). */
    public static boolean dependsOn(Expr f, Var wrt) {
        return Tree.dependsOn(f, wrt);
    }

    /** Which of eqs. 1–6 applies, from the outline of f and the kind of the variable. */
    private static Form formOf(Expr f, Var wrt) {
        Outline o = Outline.of(f);
        boolean scalarF = o.scalar();
        boolean vectorF = !scalarF && o.colsOne();
        Kind k = wrt.kind();
        if (scalarF) {
            return switch (k) {
                case SCALAR -> Form.SCALAR_BY_SCALAR;
                case VECTOR -> Form.SCALAR_BY_VECTOR;
                case MATRIX -> Form.SCALAR_BY_MATRIX;
            };
        }
        if (k == Kind.SCALAR) {
            return vectorF ? Form.VECTOR_BY_SCALAR : Form.MATRIX_BY_SCALAR;
        }
        if (vectorF && k == Kind.VECTOR) {
            return Form.VECTOR_BY_VECTOR;
        }
        // beyond the tutorial, which leaves these tensors undefined: d vec F = J d vec X
        return Form.VEC;
    }
}
