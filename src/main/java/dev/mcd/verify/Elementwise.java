package dev.mcd.verify;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Fn;
import dev.mcd.expr.ScalarFunction;

/**
 * The element-wise built-ins at one entry, read from their {@link Fn} entry: order 0 is the value,
 * orders 1 and 2 come from the derivative written in the expression language, run forward on a
 * (value, slope) pair; e.g. sigmoid's {@code sigmoid(x)*(1 - sigmoid(x))} gives s(1 − s) and its
 * slope. Order 1 gives the tangent of f(X) (eq. 19), order 2 the tangent of f'(X).
 */
final class Elementwise {
    private Elementwise() {}

    static double apply(Fn fn, int order, double x) {
        return switch (order) {
            case 0 -> fn.scalar().value().applyAsDouble(x);
            case 1 -> orExplicit(fn, at(fn, fn.derivative(), x, 0)[0], 1, x);
            case 2 -> orExplicit(fn, at(fn, fn.derivative(), x, 1)[1], 2, x);
            default -> throw new VerificationException("only first and second derivatives of " + fn.source() + " are evaluated");
        };
    }

    /**
     * The template's number, or the entry's explicit one where the template is 0/0 (abs' at 0): an
     * infinity (log' at 0) is left alone, since there f' really has no value.
     */
    private static double orExplicit(Fn fn, double fromTemplate, int order, double x) {
        ScalarFunction.Explicit explicit = fn.scalar().whereUndefined();
        if (!Double.isNaN(fromTemplate) || explicit == null || Double.isNaN(x)) {
            return fromTemplate;
        }
        return (order == 1 ? explicit.prime() : explicit.second()).applyAsDouble(x);
    }

    /** The value of a scalar formula in x and its derivative along dx. */
    private static double[] at(Fn of, Expr e, double x, double dx) {
        return switch (e) {
            case Expr.Var v -> new double[] {x, dx};
            case Expr.Num n -> new double[] {n.value(), 0};
            case Expr.Neg n -> {
                double[] a = at(of, n.arg(), x, dx);
                yield new double[] {-a[0], -a[1]};
            }
            case Expr.Add a -> {
                double[] sum = {0, 0};
                for (Expr t : a.terms()) {
                    double[] v = at(of, t, x, dx);
                    sum[0] += v[0];
                    sum[1] += v[1];
                }
                yield sum;
            }
            case Expr.Mul m -> {
                double[] p = {1, 0};
                for (Expr f : m.factors()) {
                    p = times(p, at(of, f, x, dx));
                }
                yield p;
            }
            case Expr.Hadamard h -> times(at(of, h.left(), x, dx), at(of, h.right(), x, dx));
            case Expr.Div d -> over(at(of, d.num(), x, dx), at(of, d.den(), x, dx));
            case Expr.HadamardDiv d -> over(at(of, d.left(), x, dx), at(of, d.right(), x, dx));
            case Expr.Inv i -> over(new double[] {1, 0}, at(of, i.arg(), x, dx)); // x^-1 parses as inv(x)
            case Expr.Pow p -> power(at(of, p.base(), x, dx), at(of, p.exponent(), x, dx));
            case Expr.ElemPow p -> power(at(of, p.base(), x, dx), at(of, p.exponent(), x, dx));
            case Expr.Call c when c.fn().elementwise() -> {
                double[] u = at(of, c.arg(), x, dx);
                // f'(u) only when it is needed: a template that uses f itself (tanh' = 1 - tanh²) stops here
                yield new double[] {apply(c.fn(), 0, u[0]), u[1] == 0 ? 0 : apply(c.fn(), 1, u[0]) * u[1]};
            }
            default -> throw new VerificationException("the derivative of " + of.source() + " must be a scalar formula in "
                    + "x of numbers, + - * / ^ and element-wise functions");
        };
    }

    private static double[] times(double[] a, double[] b) {
        return new double[] {a[0] * b[0], a[1] * b[0] + a[0] * b[1]};
    }

    private static double[] over(double[] a, double[] b) {
        return new double[] {a[0] / b[0], (a[1] * b[0] - a[0] * b[1]) / (b[0] * b[0])};
    }

    private static double[] power(double[] b, double[] k) {
        double v = Math.pow(b[0], k[0]);
        double slope = b[1] == 0 ? 0 : k[0] * Math.pow(b[0], k[0] - 1) * b[1];
        return new double[] {v, k[1] == 0 ? slope : slope + v * Math.log(b[0]) * k[1]};
    }
}
