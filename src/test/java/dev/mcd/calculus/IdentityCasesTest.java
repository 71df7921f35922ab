package dev.mcd.calculus;

import dev.mcd.expr.Expr;
import dev.mcd.verify.DerivationCheck;
import dev.mcd.verify.EqualityCheck;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code calculus/identity-cases.txt} (Matrix Cookbook families and ML losses):
 * the engine's derivation verifies, its result agrees with an independent finite-difference
 * oracle and with the hand-written expected result. Example case:
 * {@code log(det(X)) | X | X: matrix | inv(X)} (eqs. 19, 18, 3).
 */
class IdentityCasesTest {
    static final String FILE = "/calculus/identity-cases.txt";

    static Stream<IdentityCase> cases() {
        return IdentityCase.read(FILE).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void derivesVerifiesAndMatchesTheOracle(IdentityCase c) {
        Expr f = c.function();
        Expr expected = c.expectedExpr();
        Derivation d = Deriver.derive(f, c.variable());
        DerivationCheck.check(d);
        OracleCheck.check(f, c.variable(), d.result(), List.of(expected), c.toString());
        EqualityCheck.check(expected, d.result());
    }
}
