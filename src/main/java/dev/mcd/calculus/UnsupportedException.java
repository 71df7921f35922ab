package dev.mcd.calculus;

import dev.mcd.expr.ExprException;
import dev.mcd.expr.Pos;

/**
 * The engine met a form no rule covers, e.g. a second derivative {@code d(l'(y))}: it says so
 * rather than guess. The position is the expression's start unless a caller knows better.
 */
public final class UnsupportedException extends ExprException {
    public UnsupportedException(String message) {
        super("unsupported: " + message, new Pos(1, 1), "");
    }

    public UnsupportedException(String message, Pos pos, String source) {
        super(message.startsWith("unsupported") ? message : "unsupported: " + message, pos, source);
    }
}
