package dev.mcd.verify;

import dev.mcd.calculus.Derivation;
import dev.mcd.calculus.Deriver;
import dev.mcd.expr.Decls;
import dev.mcd.expr.Expr;
import dev.mcd.expr.ExprException;
import dev.mcd.expr.Parser;
import dev.mcd.expr.Pos;
import dev.mcd.expr.ShapeChecker;
import dev.mcd.expr.Shapes;
import java.util.List;

/**
 * The whole engine pipeline for one request, shared by {@code mcd derive} and the site's
 * {@code derive} blocks: parse, check shapes, derive, verify. Example:
 * {@code run("x'*x", "x", "")} gives 2x' with its steps and a report of what was checked.
 * Errors name the part of the request they are in ({@link Part}) and a position within it.
 */
public final class VerifiedDerive {
    private VerifiedDerive() {}

    /** Which field of the request an error points into. */
    public enum Part { EXPR, WRT, WHERE, EXPECT }

    /** An error with the field it belongs to; the position is within that field's text. */
    public static final class RequestException extends RuntimeException {
        private final Part part;
        private final ExprException cause;

        RequestException(Part part, ExprException cause) {
            super(cause.getMessage(), cause);
            this.part = part;
            this.cause = cause;
        }

        public Part part() {
            return part;
        }

        public ExprException error() {
            return cause;
        }
    }

    public record Result(Derivation derivation, VerifyReport report, Shapes shapes, Decls decls) {}

    /** Derives and verifies; {@code expect} ("" for none) must equal the result numerically. */
    public static Result run(String expr, String wrt, String where, String expect) {
        try {
            return runWithinLimits(expr, wrt, where, expect);
        } catch (StackOverflowError | OutOfMemoryError tooLarge) {
            // bounded work: an expression that exhausts the stack or the heap is refused like any other
            throw new RequestException(Part.EXPR, new ExprException("too large to derive: the expression is nested too deeply "
                    + "or its differential grows too large (" + (tooLarge instanceof StackOverflowError ? "stack" : "memory")
                    + " exhausted)", new Pos(1, 1), expr));
        }
    }

    private static Result runWithinLimits(String expr, String wrt, String where, String expect) {
        Decls decls = within(Part.WHERE, () -> Decls.parse(where));
        Parser.Parsed parsed = within(Part.EXPR, () -> Parser.parse(expr, decls));
        Shapes shapes = within(Part.EXPR, () -> ShapeChecker.check(parsed.expr(), parsed.positions()));
        String name = wrt.strip();
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new RequestException(Part.WRT, new ExprException("expected the name of one variable", new Pos(1, 1), wrt));
        }
        Expr.Var v = new Expr.Var(name, decls.kindOf(name));
        if (!Deriver.dependsOn(parsed.expr(), v) && !decls.isDeclared(name)) {
            throw new RequestException(Part.WRT, new ExprException(
                    "'" + name + "' does not occur in the expression (declare it in --where to get the derivative 0)", new Pos(1, 1), wrt));
        }
        Derivation d;
        try {
            d = Deriver.derive(parsed.expr(), v, decls.premises());
        } catch (ExprException e) {
            // The engine knows no source text: point at the start of the expression it was given.
            throw new RequestException(Part.EXPR, e.source().isEmpty() ? new ExprException(e.reason(), new Pos(1, 1), expr) : e);
        }
        VerifyReport report;
        try {
            report = DerivationCheck.check(d);
        } catch (VerificationException e) {
            throw new RequestException(Part.EXPR, new ExprException("verification failed: " + e.getMessage(), new Pos(1, 1), expr));
        }
        if (!expect.isBlank()) {
            Parser.Parsed claimed = within(Part.EXPECT, () -> Parser.parse(expect, decls));
            try {
                List<Expr> premise = new java.util.ArrayList<>(List.of(d.function(), d.wrt()));
                premise.addAll(d.premises());
                EqualityCheck.check(premise, d.result(), claimed.expr(), n -> true);
            } catch (VerificationException | ExprException e) {
                throw new RequestException(Part.EXPECT, new ExprException(
                        "expect does not match the derived result: " + e.getMessage(), new Pos(1, 1), expect));
            }
        }
        return new Result(d, report, shapes, decls);
    }

    private static <T> T within(Part part, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (ExprException e) {
            throw new RequestException(part, e);
        }
    }
}
