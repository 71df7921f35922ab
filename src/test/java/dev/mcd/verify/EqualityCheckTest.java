package dev.mcd.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.expr.Expr;
import dev.mcd.testkit.CaseLine;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The catalogue's identities hold numerically (identities.txt); plausible mistakes do not (non-identities.txt). */
class EqualityCheckTest {
    static Stream<CaseLine> identities() {
        return Cases.lines("identities.txt").stream();
    }

    static Stream<CaseLine> nonIdentities() {
        return Cases.lines("non-identities.txt").stream();
    }

    private static Expr[] sides(String line) {
        String[] where = line.split(";\\s*where:", 2);
        String[] lr = where[0].split("=", 2);
        String decls = where.length == 2 ? where[1].strip() : "";
        return new Expr[] {Cases.parse(lr[0].strip(), decls), Cases.parse(lr[1].strip(), decls)};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identities")
    void identityHolds(CaseLine c) {
        Expr[] s = sides(c.text());
        VerifyReport r = EqualityCheck.check(s[0], s[1]);
        assertEquals(3, r.points());
        assertTrue(r.summary().matches("checked at 3 random points( \\(sizes [^)]*\\))?: both sides agree to .*"), r.summary());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonIdentities")
    void mistakeIsCaught(CaseLine c) {
        Expr[] s = sides(c.text());
        var e = assertThrows(VerificationException.class, () -> EqualityCheck.check(s[0], s[1]));
        // a wrong claim differs in value, or in shape at sizes where only the claim is square
        assertTrue(e.getMessage().startsWith("the two sides differ at random point ") && e.getMessage().contains("relative error")
                || e.getMessage().startsWith("the sides do not fit the sizes"), e.getMessage());
    }

    @Test
    void constantsComeFromTheFirstHalfOfTheAlphabet() {
        assertFalse(EqualityCheck.varies("A"));
        assertFalse(EqualityCheck.varies("b_2"));
        assertFalse(EqualityCheck.varies("Sigma_1"));
        assertFalse(EqualityCheck.varies("Lambda"));
        assertTrue(EqualityCheck.varies("X"));
        assertTrue(EqualityCheck.varies("t"));
        assertTrue(EqualityCheck.varies("W_1"));
    }

    @Test
    void anExplicitChoiceOfVariablesOverridesTheConvention() {
        Expr[] s = sides("d(A*X) = A*d(X)");
        EqualityCheck.check(s[0], s[1]);
        assertThrows(VerificationException.class, () -> EqualityCheck.check(s[0], s[1], name -> true));
    }

    /**
     * A near miss: c·(x'x) = x'x is refused when c − 1 is just above the tolerance the claim prints
     * (VerifyReport.Check.EQUALITY) and accepted just below it.
     */
    @Test
    void anEqualityJustOutsideItsToleranceIsRefusedAndJustInsideAccepted() {
        double tolerance = VerifyReport.Check.EQUALITY.tolerance();
        Expr lhs = Cases.parse("x'*x", "x: vector");
        Expr above = new Expr.Mul(java.util.List.of(new Expr.Num(1 + 1.1 * tolerance), lhs));
        Expr below = new Expr.Mul(java.util.List.of(new Expr.Num(1 + 0.9 * tolerance), lhs));
        var e = assertThrows(VerificationException.class, () -> EqualityCheck.check(above, lhs));
        assertTrue(e.getMessage().startsWith("the two sides differ at random point 1"), e.getMessage());
        VerifyReport r = EqualityCheck.check(below, lhs);
        assertTrue(r.maxEqualityError() > 0.5 * tolerance, r.summary());
    }
}
