package dev.mcd.verify;

import dev.mcd.expr.Expr;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Central finite differences of a function along a variable's direction, compared with a claimed
 * directional derivative: (f(x + h dx) − f(x − h dx)) / 2h, with h ≈ 1e-5 relative to x (balancing
 * truncation, O(h²), and rounding, O(ε/h)), and a Richardson-extrapolated estimate from a larger h
 * (O(h⁴)); the better agreement counts.
 */
final class FiniteDifference {
    private FiniteDifference() {}

    /** The estimate that agreed best, the step it used and its discrepancy to the claim. */
    record Result(DMatrixRMaj estimate, double h, Discrepancy discrepancy) {}

    static Result along(Expr f, String var, Point p, DMatrixRMaj claimed) {
        DMatrixRMaj x = p.values().get(var);
        DMatrixRMaj dx = p.directions().get(var);
        double scale = Math.max(1, Mat.maxAbs(x)) / Math.max(Mat.maxAbs(dx), 1e-300);
        double h1 = 1e-5 * scale;
        Estimate plain = central(f, var, p, x, dx, h1);
        Result best = result(plain.value(), h1, claimed, floor(plain.magnitude(), h1));
        if (best.discrepancy().within(VerifyReport.Check.FINITE_DIFFERENCES.tolerance())) {
            return best;
        }
        // Richardson at two step sizes: the wide one for rounding-dominated cases, the narrow one for
        // steep functions (exp(det X) of a 6×6 X), whose truncation error the wide step cannot shed
        for (double h2 : new double[] {1e-3 * scale, 1e-4 * scale}) {
            Result extrapolated = richardson(f, var, p, x, dx, h2, claimed);
            if (extrapolated.discrepancy().relative() < best.discrepancy().relative()) {
                best = extrapolated;
            }
            if (best.discrepancy().within(VerifyReport.Check.FINITE_DIFFERENCES.tolerance())) {
                return best;
            }
        }
        return best;
    }

    private static Result richardson(Expr f, String var, Point p, DMatrixRMaj x, DMatrixRMaj dx, double h2, DMatrixRMaj claimed) {
        Estimate wide = central(f, var, p, x, dx, h2);
        Estimate half = central(f, var, p, x, dx, h2 / 2);
        DMatrixRMaj richardson = Mat.scale(1.0 / 3, Mat.sub(Mat.scale(4, half.value()), wide.value()));
        // the combination 4/3·half − 1/3·wide about triples the rounding noise of one estimate
        return result(richardson, h2, claimed, 3 * floor(Math.max(wide.magnitude(), half.magnitude()), h2 / 2));
    }

    /**
     * The size below which a difference is rounding noise: each f(x ± h dx) is off by about
     * 10·ε·M (M the largest intermediate value), so the quotient by 2h by about 1e-15·M/h; dividing
     * by the tolerance makes a noise-sized difference count as agreement.
     */
    private static double floor(double magnitude, double h) {
        return 1e-15 * magnitude / h / VerifyReport.Check.FINITE_DIFFERENCES.tolerance();
    }

    private record Estimate(DMatrixRMaj value, double magnitude) {}

    private static Result result(DMatrixRMaj estimate, double h, DMatrixRMaj claimed, double floor) {
        return new Result(estimate, h, Discrepancy.between(claimed, estimate, floor));
    }

    private static Estimate central(Expr f, String var, Point p, DMatrixRMaj x, DMatrixRMaj dx, double h) {
        Evaluation plus = Evaluator.evaluateAlike(List.of(f), p.with(var, Mat.add(x, Mat.scale(h, dx))));
        Evaluation minus = Evaluator.evaluateAlike(List.of(f), p.with(var, Mat.sub(x, Mat.scale(h, dx))));
        DMatrixRMaj diff = Mat.sub(plus.results().getFirst().value(), minus.results().getFirst().value());
        return new Estimate(Mat.scale(1 / (2 * h), diff), Math.max(plus.magnitude(), minus.magnitude()));
    }
}
