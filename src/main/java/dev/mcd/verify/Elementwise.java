package dev.mcd.verify;

import dev.mcd.expr.Fn;

/**
 * The element-wise built-ins and their derivatives up to the second, e.g. order 1 of sigmoid is
 * s(1 − s): order 1 gives the tangent of f(X) (eq. 19), order 2 the tangent of f'(X).
 */
final class Elementwise {
    private Elementwise() {}

    static double apply(Fn fn, int order, double x) {
        if (order < 0 || order > 2) {
            throw new VerificationException("only first and second derivatives of " + fn.source() + " are evaluated");
        }
        return switch (fn) {
            case LOG -> switch (order) {
                case 0 -> Math.log(x);
                case 1 -> 1 / x;
                default -> -1 / (x * x);
            };
            case EXP -> Math.exp(x);
            case SIN -> switch (order) {
                case 0 -> Math.sin(x);
                case 1 -> Math.cos(x);
                default -> -Math.sin(x);
            };
            case COS -> switch (order) {
                case 0 -> Math.cos(x);
                case 1 -> -Math.sin(x);
                default -> -Math.cos(x);
            };
            case TANH -> Tanh.derivative(order, x);
            case SQRT -> switch (order) {
                case 0 -> Math.sqrt(x);
                case 1 -> 0.5 / Math.sqrt(x);
                default -> -0.25 / (x * Math.sqrt(x));
            };
            case ABS -> switch (order) {
                case 0 -> Math.abs(x);
                case 1 -> Math.signum(x);
                default -> 0;
            };
            case SIGMOID -> {
                double s = 1 / (1 + Math.exp(-x));
                yield switch (order) {
                    case 0 -> s;
                    case 1 -> s * (1 - s);
                    default -> s * (1 - s) * (1 - 2 * s);
                };
            }
            case TR, DET, ADJ, SUM, NORM2, NORMF, DIAG, VEC ->
                    throw new VerificationException(fn.source() + " is not element-wise");
        };
    }
}
