package dev.mcd.verify;

import static dev.mcd.verify.E.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.calculus.Derivation;
import dev.mcd.calculus.Form;
import dev.mcd.calculus.Step;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Fn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-built derivations: right ones pass with small measured errors, wrong ones fail naming numbers. */
class DerivationCheckTest {
    private static final Expr.Var x = vector("x");
    private static final Expr.Var X = matrix("X");

    private static Step step(Expr rhs, String rule, Integer... eqs) {
        return new Step(rhs, rule, List.of(eqs), List.of());
    }

    /** Example 1 of the tutorial: d(x'x) = d(x')x + x'd(x) = 2x'd(x), so the derivative is 2x'. */
    private static Derivation quadratic(Expr result, Expr lastStep) {
        Expr f = mul(t(x), x);
        return new Derivation(f, x, d(f), List.of(
                step(add(mul(d(t(x)), x), mul(t(x), d(x))), "product", 10),
                step(add(mul(t(d(x)), x), mul(t(x), d(x))), "transpose", 15),
                step(lastStep, "collect-terms")), Form.SCALAR_BY_VECTOR, result);
    }

    @Test
    void exampleOnePasses() {
        VerifyReport r = DerivationCheck.check(quadratic(mul(num(2), t(x)), mul(num(2), t(x), d(x))));
        assertEquals(3, r.points());
        assertEquals(List.of(VerifyReport.Check.STEPS, VerifyReport.Check.IDENTIFICATION,
                VerifyReport.Check.FINITE_DIFFERENCES), r.checks());
        assertTrue(r.maxStepError() < 1e-12, r.summary());
        assertTrue(r.maxIdentificationError() < 1e-12, r.summary());
        assertTrue(r.summary().matches("checked at 3 random points \\(sizes [^)]*\\): steps agree to .*"), r.summary());
        assertTrue(r.summary().contains(", G dx form to "), r.summary());
    }

    @Test
    void aWrongResultFailsWithTheNumbers() {
        var e = assertThrows(VerificationException.class,
                () -> DerivationCheck.check(quadratic(t(x), mul(num(2), t(x), d(x)))));
        assertTrue(e.getMessage().startsWith("the result does not satisfy eq. 2"), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*expected -?[0-9.e-]+, got -?[0-9.e-]+ \\(relative error [0-9.e-]+\\).*"),
                e.getMessage());
        // the wrong value is half the right one, so the relative error is exactly 1/2
        assertTrue(e.getMessage().contains("relative error 5e-1"), e.getMessage());
    }

    @Test
    void aWrongStepIsNamedWithItsRule() {
        var e = assertThrows(VerificationException.class,
                () -> DerivationCheck.check(quadratic(mul(num(2), t(x)), mul(t(x), d(x)))));
        assertTrue(e.getMessage().startsWith("step 3 (rule collect-terms) disagrees with step 2 at random point 1 of 3: expected "),
                e.getMessage());
    }

    @Test
    void aWrongDerivativeWithAConsistentLastStepFailsTheFiniteDifferences() {
        Expr f = mul(t(x), x);
        // every link agrees with the next, but the start is not d(f): only finite differences notice
        Derivation lying = new Derivation(f, x, mul(t(x), d(x)), List.of(), Form.SCALAR_BY_VECTOR, t(x));
        var e = assertThrows(VerificationException.class, () -> DerivationCheck.check(lying));
        assertTrue(e.getMessage().contains("finite differences"), e.getMessage());
        assertTrue(e.getMessage().contains("relative error 5e-1"), e.getMessage());
    }

    /** Example 3: d log|X| = d|X| / |X| = |X| tr(X^-1 dX) / |X| = tr(X^-1 dX), so X^-1 by eq. 3. */
    private static Derivation logDet(Expr result) {
        Expr f = call(Fn.LOG, det(X));
        return new Derivation(f, X, d(f), List.of(
                step(new Expr.Div(d(det(X)), det(X)), "elementwise", 19),
                step(new Expr.Div(mul(det(X), tr(mul(inv(X), d(X)))), det(X)), "determinant", 18),
                step(tr(mul(inv(X), d(X))), "cancel")), Form.SCALAR_BY_MATRIX, result);
    }

    @Test
    void logDetPassesAtPositiveDefinitePoints() {
        VerifyReport r = DerivationCheck.check(logDet(inv(X)));
        assertTrue(r.summary().contains("tr(G dX) form to"), r.summary());
    }

    @Test
    void logDetWithTheGradientLayoutInsteadOfNumeratorLayoutFails() {
        // X^-T is the gradient; the tutorial's numerator layout wants its transpose X^-1
        var e = assertThrows(VerificationException.class, () -> DerivationCheck.check(logDet(t(inv(X)))));
        assertTrue(e.getMessage().contains("eq. 3"), e.getMessage());
    }

    @Test
    void checksAreDeterministic() {
        Derivation d = logDet(inv(X));
        assertEquals(DerivationCheck.check(d), DerivationCheck.check(d));
    }

    private static Derivation parsed(String f, String wrt, Form form, String result, String where, String... steps) {
        Expr fe = Cases.parse(f, where);
        List<Step> chain = java.util.Arrays.stream(steps).map(s -> step(Cases.parse(s, where), "by-hand")).toList();
        return new Derivation(fe, (Expr.Var) Cases.parse(wrt, where), d(fe), chain, form, Cases.parse(result, where));
    }

    @Test
    void exampleTwoPasses() {
        String where = "W: matrix, x: vector, b: vector";
        VerifyReport r = DerivationCheck.check(parsed("norm2(W*x + b)^2", "W", Form.SCALAR_BY_MATRIX,
                "2*x*(W*x + b)'", where,
                "2*norm2(W*x + b)*d(norm2(W*x + b))",
                "2*(W*x + b)'*d(W*x + b)",
                "2*(W*x + b)'*d(W)*x",
                "tr(2*x*(W*x + b)'*d(W))"));
        assertTrue(r.summary().matches("checked at 3 random points \\(sizes [^)]*\\): steps agree to [0-9e-]+, tr\\(G dX\\) form to [0-9e-]+, "
                + "finite differences to [0-9e-]+"), r.summary());
    }

    @Test
    void exampleTwoWithTheGradientInsteadOfNumeratorLayoutFails() {
        var e = assertThrows(VerificationException.class, () -> DerivationCheck.check(parsed("norm2(W*x + b)^2", "W",
                Form.SCALAR_BY_MATRIX, "2*(W*x + b)*x'", "W: matrix, x: vector, b: vector", "tr(2*x*(W*x + b)'*d(W))")));
        assertTrue(e.getMessage().contains("eq. 3"), e.getMessage());
    }

    /** Example 5, the two-layer network: abstract loss l and element-wise sigma, both layers. */
    @Test
    void exampleFiveBothLayersPass() {
        String where = "W_1: matrix, W_2: matrix, x: vector";
        DerivationCheck.check(parsed("l(W_2*sigma(W_1*x))", "W_2", Form.SCALAR_BY_MATRIX,
                "sigma(W_1*x)*l'(W_2*sigma(W_1*x))", where,
                "l'(W_2*sigma(W_1*x))*d(W_2*sigma(W_1*x))",
                "l'(W_2*sigma(W_1*x))*d(W_2)*sigma(W_1*x)",
                "tr(sigma(W_1*x)*l'(W_2*sigma(W_1*x))*d(W_2))"));
        DerivationCheck.check(parsed("l(W_2*sigma(W_1*x))", "W_1", Form.SCALAR_BY_MATRIX,
                "x*((l'(W_2*sigma(W_1*x))*W_2) .* sigma'(W_1*x)')", where,
                "l'(W_2*sigma(W_1*x))*W_2*d(sigma(W_1*x))",
                "l'(W_2*sigma(W_1*x))*W_2*(sigma'(W_1*x) .* (d(W_1)*x))",
                "((l'(W_2*sigma(W_1*x))*W_2)' .* sigma'(W_1*x))'*d(W_1)*x",
                "tr(x*((l'(W_2*sigma(W_1*x))*W_2) .* sigma'(W_1*x)')*d(W_1))"));
        // dropping the Hadamard factor sigma' is caught
        assertThrows(VerificationException.class, () -> DerivationCheck.check(parsed("l(W_2*sigma(W_1*x))", "W_1",
                Form.SCALAR_BY_MATRIX, "x*l'(W_2*sigma(W_1*x))*W_2", where,
                "tr(x*((l'(W_2*sigma(W_1*x))*W_2) .* sigma'(W_1*x)')*d(W_1))")));
    }

    /** Eq. 20 and 5 together: z(y(x)) with a vector-valued y reads off as (dz/dy)(dy/dx). */
    @Test
    void chainRuleThroughAVectorValuedFunctionPasses() {
        DerivationCheck.check(parsed("z(y(x))", "x", Form.SCALAR_BY_VECTOR, "z'(y(x))*y'(x)",
                "y: vector, x: vector", "z'(y(x))*d(y(x))", "z'(y(x))*y'(x)*d(x)"));
        assertThrows(VerificationException.class, () -> DerivationCheck.check(parsed("z(y(x))", "x", Form.SCALAR_BY_VECTOR,
                "z'(y(x))", "y: vector, x: vector", "z'(y(x))*d(y(x))")));
    }

    /** x'x + 1e8 - 1e8: rounding in f is relative to 1e8, so finite differences are noisy but must still pass. */
    @Test
    void cancellationInTheFunctionIsNotMistakenForAWrongDerivative() {
        Expr f = add(mul(t(x), x), num(1e8), neg(num(1e8)));
        Expr last = mul(num(2), t(x), d(x));
        DerivationCheck.check(new Derivation(f, x, d(f), List.of(step(last, "by-hand")),
                Form.SCALAR_BY_VECTOR, mul(num(2), t(x))));
        Expr wrongStart = mul(t(x), d(x));
        assertThrows(VerificationException.class, () -> DerivationCheck.check(new Derivation(f, x, wrongStart,
                List.of(), Form.SCALAR_BY_VECTOR, t(x))));
    }

    /** log(t - 1) is undefined at about half the random points (t is drawn positive, not above 1): those are redrawn. */
    @Test
    void pointsOutsideTheDomainAreRedrawn() {
        String where = "t: scalar";
        VerifyReport r = DerivationCheck.check(parsed("log(t - 1)", "t", Form.SCALAR_BY_SCALAR, "1/(t - 1)", where,
                "d(t - 1)/(t - 1)", "1/(t - 1)*d(t)"));
        assertEquals(3, r.points());
    }

    /*
     * Near misses: each check refuses an error just above the tolerance its claim prints
     * (VerifyReport.Check.tolerance()) and accepts one just below, so the printed bound is the
     * enforced one. The errors are made by scaling one part of example 1 by 1 + k·tolerance; the
     * measured errors of the exact derivation are about 1e-16, far below either side.
     */

    /** 1 + k times the check's tolerance: k = 1.1 is a relative error just above it, 0.9 just below. */
    private static Expr off(VerifyReport.Check check, double k) {
        return num(1 + k * check.tolerance());
    }

    private static Derivation lastStepOff(double k) {
        Expr c = off(VerifyReport.Check.STEPS, k);
        return quadratic(mul(c, num(2), t(x)), mul(c, num(2), t(x), d(x)));
    }

    private static Derivation resultOff(double k) {
        return quadratic(mul(off(VerifyReport.Check.IDENTIFICATION, k), num(2), t(x)), mul(num(2), t(x), d(x)));
    }

    /** A chain and result that agree with each other but differentiate c·x'x, while the function is x'x. */
    private static Derivation functionOff(double k) {
        Expr c = off(VerifyReport.Check.FINITE_DIFFERENCES, k);
        Expr f = mul(t(x), x);
        return new Derivation(f, x, d(mul(c, t(x), x)), List.of(), Form.SCALAR_BY_VECTOR, mul(c, num(2), t(x)));
    }

    @Test
    void aStepJustOutsideItsToleranceIsRefusedAndJustInsideAccepted() {
        var e = assertThrows(VerificationException.class, () -> DerivationCheck.check(lastStepOff(1.1)));
        assertTrue(e.getMessage().startsWith("step 3 (rule collect-terms) disagrees with step 2"), e.getMessage());
        VerifyReport r = DerivationCheck.check(lastStepOff(0.9));
        assertTrue(r.maxStepError() > 0.5 * VerifyReport.Check.STEPS.tolerance(), r.summary());
    }

    @Test
    void aResultJustOutsideTheFormToleranceIsRefusedAndJustInsideAccepted() {
        var e = assertThrows(VerificationException.class, () -> DerivationCheck.check(resultOff(1.1)));
        assertTrue(e.getMessage().startsWith("the result does not satisfy eq. 2"), e.getMessage());
        VerifyReport r = DerivationCheck.check(resultOff(0.9));
        assertTrue(r.maxIdentificationError() > 0.5 * VerifyReport.Check.IDENTIFICATION.tolerance(), r.summary());
    }

    @Test
    void aDerivativeJustOutsideTheFiniteDifferenceToleranceIsRefusedAndJustInsideAccepted() {
        var e = assertThrows(VerificationException.class, () -> DerivationCheck.check(functionOff(1.1)));
        assertTrue(e.getMessage().startsWith("the result disagrees with central finite differences"), e.getMessage());
        VerifyReport r = DerivationCheck.check(functionOff(0.9));
        assertTrue(r.maxFiniteDifferenceError() > 0.5 * VerifyReport.Check.FINITE_DIFFERENCES.tolerance(), r.summary());
    }
}
