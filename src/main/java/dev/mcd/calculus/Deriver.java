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
    /** Bumped whenever a rule changes what the engine prints, so caches keyed on it refresh. */
    public static final String ENGINE_VERSION = "3";

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
        if (!Tree.dependsOn(f, wrt)) {
            // f is a constant as far as the variable goes: one step, eq. 7, and the derivative 0
            List<Step> constant = List.of(new Step(new Expr.Zero(), "constant", List.of(7), List.of()));
            return new Derivation(f, wrt, Ex.d(f), constant, form, new Expr.Zero(), premises);
        }
        Expr start = Ex.d(f);
        Budget budget = Budget.start();
        List<Step> steps = new ArrayList<>(Expander.expand(start, wrt, budget));
        Expr expanded = steps.isEmpty() ? start : steps.getLast().rhs();
        Identifier.Outcome outcome = Identifier.identify(expanded, wrt, form, Square.of(f, premises), budget);
        steps.addAll(outcome.steps());
        return new Derivation(f, wrt, start, steps, form, outcome.result(), premises);
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
    public static Form formOf(Expr f, Var wrt) {
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
        throw new UnsupportedException((vectorF ? "a vector" : o.rowsOne() ? "a row vector" : "a matrix")
                + " by a " + k.name().toLowerCase(java.util.Locale.ROOT)
                + " has no derivative in numerator layout here: such derivatives are 3-D or 4-D tensors, "
                + "which the tutorial leaves undefined (see the special examples); differentiate a scalar function of it instead");
    }
}
