package dev.mcd.verify;

import dev.mcd.calculus.Derivation;
import dev.mcd.calculus.Form;
import dev.mcd.calculus.Step;
import dev.mcd.expr.Expr;
import dev.mcd.expr.TextPrinter;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Checks a {@link Derivation} numerically as docs/ARCHITECTURE.md's "Verify" stage says: at random
 * points with a random direction dV, consecutive steps agree, the result G in its read-off form
 * (e.g. tr(G dX) for eq. 3, J vec(dX) for the vec form) equals the last step, and G's directional
 * derivative agrees with central finite differences of the function, each to the relative error
 * its {@link VerifyReport.Check} allows (1e-9, 1e-9, 1e-6). Example: x'x by x, steps
 * d(x')*x + x'*d(x) and 2*x'*d(x), result 2*x', passes; result x' fails naming the numbers.
 */
public final class DerivationCheck {
    public static final int POINTS = 3;
    /** Draws allowed per point before giving up on finding one where everything is defined. */
    private static final int ATTEMPTS = 16;
    /** Magnitudes beyond this are where powers such as t^1e308 overflow or underflow to 0. */
    private static final double HUGE = 1e100;

    private final Derivation d;
    private final long seed;
    private final List<Expr> defining;
    private final List<Expr> rest;
    private String sizes;
    private boolean sawNonZero;
    /** The largest magnitude met in any evaluation: near overflow, a derivative of exactly 0 may be an underflow. */
    private double largest;
    private double stepError;
    private double formError;
    private double fdError;

    private DerivationCheck(Derivation d) {
        this.d = d;
        // the points depend only on the problem as printed, so re-running a build checks the same
        // points, and no change to the records' internals (their toString) moves them
        this.seed = RandomPoint.seedOf(TextPrinter.print(d.function()) + " by " + d.wrt().name());
        // the function alone decides the sizes; every step and the result must fit them
        List<Expr> premise = new ArrayList<>(List.of(d.function(), d.wrt()));
        premise.addAll(d.premises());
        this.defining = List.copyOf(premise);
        List<Expr> all = new ArrayList<>(List.of(d.start()));
        d.steps().forEach(s -> all.add(s.rhs()));
        all.add(d.result());
        this.rest = List.copyOf(all);
    }

    /** Runs every check at {@value #POINTS} random points; throws {@link VerificationException} on failure. */
    public static VerifyReport check(Derivation d) {
        return check(d, POINTS);
    }

    public static VerifyReport check(Derivation d, int points) {
        DerivationCheck c = new DerivationCheck(d);
        for (int i = 0; i < points; i++) {
            c.checkPoint(i, points);
        }
        if (!c.sawNonZero && !(d.result() instanceof Expr.Zero) && c.largest > HUGE) {
            // 0 = 0 at every point proves nothing: the values underflowed (t^1e308 at t < 1) or
            // a constant rounded to 0, so the check cannot tell a right derivative from a wrong one
            throw new VerificationException("the check cannot tell: the derivative and the finite differences are exactly 0 "
                    + "at every random point although the derivative " + TextPrinter.print(d.result())
                    + " is not 0 (the values underflow or overflow)");
        }
        List<VerifyReport.Measure> m = new ArrayList<>();
        if (!d.steps().isEmpty()) {
            m.add(new VerifyReport.Measure(VerifyReport.Check.STEPS, "steps agree", c.stepError));
        }
        m.add(new VerifyReport.Measure(VerifyReport.Check.IDENTIFICATION, formLabel(d.form()) + " form", c.formError));
        m.add(new VerifyReport.Measure(VerifyReport.Check.FINITE_DIFFERENCES, "finite differences", c.fdError));
        return new VerifyReport(points, m, c.sizes);
    }

    /** The read-off identity as the summary names it. */
    static String formLabel(Form f) {
        return switch (f) {
            case SCALAR_BY_SCALAR, SCALAR_BY_VECTOR, VECTOR_BY_SCALAR, VECTOR_BY_VECTOR, MATRIX_BY_SCALAR -> "G dx";
            case SCALAR_BY_MATRIX -> "tr(G dX)";
            case VEC -> "J d vec X";
        };
    }

    private void checkPoint(int index, int points) {
        String where = "random point " + (index + 1) + " of " + points;
        FiniteDifference.Result lastFd = null;
        int fdRetries = 0;
        int sizeTry = 0;
        int undefined = 0;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Point p = symmetric(RandomPoint.draw(defining, rest, d.wrt().name()::equals, seed, index + points * sizeTry, index + points * attempt));
            DMatrixRMaj f = Evaluator.evaluate(d.function(), p).value(); // once per point: the domain test and the read-off shape
            if (!Mat.finite(f)) {
                sizeTry++; // outside the function's own domain (log det of a singular Gram matrix): new sizes
                continue;
            }
            Evaluation chain = chain(p);
            if (chain == null) {
                // the function is defined here but a step is not: redraw values at the same sizes, and
                // give up when it keeps happening (a step that needs an inverse these sizes make singular)
                if (++undefined >= UNDEFINED_LIMIT) {
                    throw undefinedWhereFunctionIs(p);
                }
                continue;
            }
            List<DMatrixRMaj> values = chain.results().stream().map(Dual::value).toList();
            double floor = 1e-4 * chain.magnitude(); // rounding in a link is relative to its largest term
            for (int k = 1; k < values.size(); k++) {
                Discrepancy dis = Discrepancy.between(values.get(k - 1), values.get(k), floor);
                if (!dis.within(VerifyReport.Check.STEPS.tolerance())) {
                    throw new VerificationException(stepName(k) + " disagrees with "
                            + (k == 1 ? "the start " + "d(f)" : "step " + (k - 1)) + " at " + where + ": "
                            + dis.describe());
                }
                stepError = Math.max(stepError, dis.relative());
            }
            largest = Math.max(largest, chain.magnitude());
            DMatrixRMaj last = values.getLast();
            DMatrixRMaj x = p.values().get(d.wrt().name());
            DMatrixRMaj dx = p.directions().get(d.wrt().name());
            int[] g = resultShape(f, x);
            Evaluation result;
            try {
                result = Evaluator.evaluate(d.result(), p, g[0], g[1]);
            } catch (VerificationException e) {
                throw new VerificationException("the result " + TextPrinter.print(d.result()) + " cannot be the " + g[0] + "×" + g[1]
                        + " matrix that eq. " + d.form().equation() + " reads off for a " + Mat.shape(f) + " function of a "
                        + Mat.shape(x) + " " + d.wrt().name() + " at " + where + ": " + e.getMessage());
            }
            DMatrixRMaj gv = result.results().getFirst().value();
            if (!Mat.finite(gv)) {
                if (++undefined >= UNDEFINED_LIMIT) {
                    throw undefinedWhereFunctionIs(p);
                }
                continue;
            }
            DMatrixRMaj readOff = readOff(gv, dx);
            Discrepancy form = Discrepancy.between(last, readOff, 1e-4 * Math.max(chain.magnitude(), result.magnitude()));
            if (!form.within(VerifyReport.Check.IDENTIFICATION.tolerance())) {
                throw new VerificationException("the result does not satisfy eq. " + d.form().equation() + " ("
                        + formLabel(d.form()) + " must equal " + (values.size() == 1 ? "d(f)" : "the last step, "
                        + stepName(values.size() - 1)) + ") at " + where + ": " + form.describe());
            }
            formError = Math.max(formError, form.relative());
            // the vec form claims d vec F, so the differences are taken of vec F (a scalar's vec is itself)
            Expr differenced = d.form() == Form.VEC ? new Expr.Call(dev.mcd.expr.Fn.VEC, d.function()) : d.function();
            FiniteDifference.Result fd = FiniteDifference.along(differenced, d.wrt().name(), p, readOff);
            if (fd.discrepancy().within(VerifyReport.Check.FINITE_DIFFERENCES.tolerance())) {
                sawNonZero |= Mat.maxAbs(readOff) != 0;
                if (sizes == null) {
                    sizes = VerifyReport.sizesOf(p);
                }
                fdError = Math.max(fdError, fd.discrepancy().relative());
                return;
            }
            lastFd = fd;
            if (fdRetries++ >= 1) {
                break; // failed at two points: not an unlucky, ill-conditioned point
            }
        }
        if (lastFd != null) {
            throw new VerificationException("the result disagrees with central finite differences of the function "
                    + "along a random direction at " + where + " (and at a second point): "
                    + lastFd.discrepancy().describe() + ", step h = " + VerifyReport.brief(lastFd.h()));
        }
        throw new VerificationException("found no point where the function and every step are defined (tried "
                + ATTEMPTS + " random points)");
    }

    /** Symmetric variables ({@code S: symmetric}) get symmetric values and directions. */
    private Point symmetric(Point p) {
        return Symmetrize.of(p, d.premises());
    }

    /** Value draws at one size where f is defined but a step or the result is not, before the check fails. */
    private static final int UNDEFINED_LIMIT = 6;

    private VerificationException undefinedWhereFunctionIs(Point p) {
        return new VerificationException("the steps or the result are undefined at every random point of the sizes "
                + VerifyReport.sizesOf(p) + " although " + TextPrinter.print(d.function()) + " is defined there: a step assumes "
                + "an invertible matrix (or a positive value) that the function does not guarantee");
    }

    /** The start and every step evaluated together, or null if any value is not finite there. */
    private Evaluation chain(Point p) {
        List<Expr> links = new ArrayList<>();
        links.add(d.start());
        d.steps().forEach(s -> links.add(s.rhs()));
        Evaluation e;
        try {
            e = Evaluator.evaluateAlike(links, p);
        } catch (VerificationException misfit) {
            throw misfit(links, p, misfit);
        }
        boolean finite = e.results().stream().allMatch(r -> Mat.finite(r.value())); // f itself was checked first
        return finite ? e : null;
    }

    /**
     * Names the first link that cannot be evaluated at the function's sizes, e.g. a step that
     * uses tr(A⊗B) = tr A tr B although f leaves A and B non-square.
     */
    private VerificationException misfit(List<Expr> links, Point p, VerificationException whole) {
        for (int k = 0; k < links.size(); k++) {
            try {
                Evaluator.evaluate(links.get(k), p);
            } catch (VerificationException e) {
                return new VerificationException((k == 0 ? "d(f)" : stepName(k)) + " does not fit the sizes that "
                        + TextPrinter.print(d.function()) + " allows (" + VerifyReport.sizesOf(p) + "): " + e.getMessage());
            }
        }
        return new VerificationException("the steps do not keep one shape at the sizes that " + TextPrinter.print(d.function())
                + " allows (" + VerifyReport.sizesOf(p) + "): " + whole.getMessage());
    }

    private String stepName(int k) {
        Step s = d.steps().get(k - 1);
        String eqs = s.equations().isEmpty() ? "" : ", eq. " + String.join(", ", s.equations().stream().map(String::valueOf).toList());
        String facts = s.facts().isEmpty() ? "" : ", " + String.join(", ", s.facts());
        return "step " + k + " (rule " + s.rule() + eqs + facts + ")";
    }

    /** The shape of the derivative in numerator layout for the form (eqs. 1–6). */
    private int[] resultShape(DMatrixRMaj f, DMatrixRMaj x) {
        Form form = d.form();
        boolean scalarF = Mat.isScalar(f);
        boolean scalarX = Mat.isScalar(x);
        boolean fits = switch (form) {
            case SCALAR_BY_SCALAR -> scalarF && scalarX;
            case SCALAR_BY_VECTOR -> scalarF && x.numCols == 1;
            case SCALAR_BY_MATRIX -> scalarF;
            case VECTOR_BY_SCALAR -> f.numCols == 1 && scalarX;
            case VECTOR_BY_VECTOR -> f.numCols == 1 && x.numCols == 1;
            case MATRIX_BY_SCALAR -> scalarX;
            case VEC -> true;
        };
        if (!fits) {
            throw new VerificationException("eq. " + form.equation() + " cannot read off a derivative of a "
                    + Mat.shape(f) + " function by a " + Mat.shape(x) + " variable");
        }
        return switch (form) {
            case SCALAR_BY_SCALAR -> new int[] {1, 1};
            case SCALAR_BY_VECTOR -> new int[] {1, x.numRows};
            case SCALAR_BY_MATRIX -> new int[] {x.numCols, x.numRows};
            case VECTOR_BY_SCALAR, MATRIX_BY_SCALAR -> new int[] {f.numRows, f.numCols};
            case VECTOR_BY_VECTOR -> new int[] {f.numRows, x.numRows};
            case VEC -> new int[] {f.numRows * f.numCols, x.numRows * x.numCols};
        };
    }

    /** The differential that G stands for: tr(G dX) for eq. 3, G dx for the others. */
    private DMatrixRMaj readOff(DMatrixRMaj g, DMatrixRMaj dx) {
        return switch (d.form()) {
            case SCALAR_BY_MATRIX -> Mat.scalar(Mat.trace(Mat.mul(g, dx)));
            case VEC -> Mat.mul(g, Mat.vec(dx));
            case SCALAR_BY_SCALAR, SCALAR_BY_VECTOR, VECTOR_BY_SCALAR, VECTOR_BY_VECTOR, MATRIX_BY_SCALAR -> Mat.mul(g, dx);
        };
    }
}
