package dev.mcd.verify;

import dev.mcd.calculus.Derivation;
import dev.mcd.calculus.Deriver;
import dev.mcd.expr.Chars;
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
        private final Expr derived;

        RequestException(Part part, ExprException cause) {
            this(part, cause, null);
        }

        RequestException(Part part, ExprException cause, Expr derived) {
            super(cause.getMessage(), cause);
            this.part = part;
            this.cause = cause;
            this.derived = derived;
        }

        /** For an {@code expect} that differs: the engine's result, so that the message can show both formulas. */
        public java.util.Optional<Expr> derived() {
            return java.util.Optional.ofNullable(derived);
        }

        public Part part() {
            return part;
        }

        public ExprException error() {
            return cause;
        }
    }

    public record Result(Derivation derivation, VerifyReport report, Shapes shapes, Decls decls) {}

    /**
     * The first half of a request: parsed, shape-checked and derived, not yet verified (the browser
     * shows this while {@link #verify} runs). {@code expr} is the request's text, for the errors of the second half.
     */
    public record Derived(Derivation derivation, Shapes shapes, Decls decls, String expr) {}

    /** Derives and verifies; {@code expect} ("" for none) must equal the result numerically. */
    public static Result run(String expr, String wrt, String where, String expect) {
        return verify(derive(expr, wrt, where), expect);
    }

    /** Parses, checks the shapes and derives; errors as {@link #run}'s. */
    public static Derived derive(String expr, String wrt, String where) {
        try {
            return deriveWithinLimits(expr, wrt, where);
        } catch (StackOverflowError | OutOfMemoryError tooLarge) {
            throw tooLarge(tooLarge, expr);
        }
    }

    /** Verifies what {@link #derive} gave; {@code expect} ("" for none) must equal the result numerically. */
    public static Result verify(Derived derived, String expect) {
        try {
            return verifyWithinLimits(derived, expect);
        } catch (StackOverflowError | OutOfMemoryError tooLarge) {
            throw tooLarge(tooLarge, derived.expr());
        }
    }

    /** Bounded work: an expression that exhausts the stack or the heap is refused like any other. */
    private static RequestException tooLarge(Throwable tooLarge, String expr) {
        return new RequestException(Part.EXPR, new ExprException("too large to derive: the expression is nested too deeply "
                + "or its differential grows too large (" + (tooLarge instanceof StackOverflowError ? "stack" : "memory")
                + " exhausted)", new Pos(1, 1), expr));
    }

    private static Derived deriveWithinLimits(String expr, String wrt, String where) {
        Decls decls = within(Part.WHERE, () -> Decls.parse(where));
        Parser.Parsed parsed = within(Part.EXPR, () -> Parser.parse(expr, decls));
        Shapes shapes = within(Part.EXPR, () -> ShapeChecker.check(parsed.expr(), parsed.positions()));
        String name = Chars.strip(wrt);
        if (!isIdentifier(name)) {
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
        return new Derived(d, shapes, decls, expr);
    }

    private static Result verifyWithinLimits(Derived derived, String expect) {
        Derivation d = derived.derivation();
        Decls decls = derived.decls();
        VerifyReport report;
        try {
            report = DerivationCheck.check(d);
        } catch (VerificationException e) {
            throw new RequestException(Part.EXPR, new ExprException("verification failed: " + e.getMessage(), new Pos(1, 1), derived.expr()));
        }
        if (!Chars.isBlank(expect)) {
            Parser.Parsed claimed = within(Part.EXPECT, () -> Parser.parse(expect, decls));
            try {
                List<Expr> premise = new java.util.ArrayList<>(List.of(d.function(), d.wrt()));
                premise.addAll(d.premises());
                EqualityCheck.check(premise, d.result(), claimed.expr(), n -> true);
            } catch (VerificationException | ExprException e) {
                throw new RequestException(Part.EXPECT, new ExprException(mismatch(e.getMessage()), new Pos(1, 1), expect),
                        d.result());
            }
        }
        return new Result(d, report, derived.shapes(), decls);
    }

    /**
     * The numbers of a mismatch as the author reads them: the engine's value first named as the
     * engine's, the claim's as theirs, one entry instead of two whole matrices, e.g. "they differ at
     * random point 1 of 3, in entry (1,5): the engine's result gives 12.9, yours 6.44 (relative error 5e-1)".
     * (The check compares the engine's result, the left side, with the claim, the right side.)
     */
    static String mismatch(String message) {
        DifferMessage m = DifferMessage.parse(message);
        if (m == null) {
            return "they differ: " + message;
        }
        String rest = Chars.strip(m.rest());
        String entry = rest.startsWith("in entry") ? ", " + rest.substring(0, rest.indexOf(')') + 1) : "";
        String error = rest.contains("(relative error") ? " " + rest.substring(rest.indexOf("(relative error")) : "";
        return "they differ at " + m.point() + (m.sizes() == null ? "" : " (" + m.sizes() + ")") + entry
                + ": the engine's result gives " + m.expected() + ", yours " + m.got() + error;
    }

    /** [A-Za-z][A-Za-z0-9_]*, checked by hand: a regex would put the whole regex engine into the browser build. */
    static boolean isIdentifier(String name) {
        if (name.isEmpty() || !asciiLetter(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!asciiLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static <T> T within(Part part, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (ExprException e) {
            throw new RequestException(part, e);
        }
    }
}
