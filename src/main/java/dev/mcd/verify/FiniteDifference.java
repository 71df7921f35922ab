package dev.mcd.verify;

import dev.mcd.expr.Expr;
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
        double fx = Mat.maxAbs(Evaluator.evaluate(f, p).value());
        // below this, a directional derivative is zero for practical purposes: rounding in f dominates
        double floor = 1e-3 * fx / Math.max(1, Mat.maxAbs(x));
        double h1 = 1e-5 * scale;
        Result plain = result(central(f, var, p, x, dx, h1), h1, claimed, floor);
        if (plain.discrepancy().within(DerivationCheck.FINITE_DIFFERENCE_TOLERANCE)) {
            return plain;
        }
        double h2 = 1e-3 * scale;
        DMatrixRMaj wide = central(f, var, p, x, dx, h2);
        DMatrixRMaj half = central(f, var, p, x, dx, h2 / 2);
        DMatrixRMaj richardson = Mat.scale(1.0 / 3, Mat.sub(Mat.scale(4, half), wide));
        Result extrapolated = result(richardson, h2, claimed, floor);
        return extrapolated.discrepancy().relative() < plain.discrepancy().relative() ? extrapolated : plain;
    }

    private static Result result(DMatrixRMaj estimate, double h, DMatrixRMaj claimed, double floor) {
        return new Result(estimate, h, Discrepancy.between(claimed, estimate, floor));
    }

    private static DMatrixRMaj central(Expr f, String var, Point p, DMatrixRMaj x, DMatrixRMaj dx, double h) {
        DMatrixRMaj plus = Evaluator.evaluate(f, p.with(var, Mat.add(x, Mat.scale(h, dx)))).value();
        DMatrixRMaj minus = Evaluator.evaluate(f, p.with(var, Mat.sub(x, Mat.scale(h, dx)))).value();
        return Mat.scale(1 / (2 * h), Mat.sub(plus, minus));
    }
}
