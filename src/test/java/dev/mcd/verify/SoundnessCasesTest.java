package dev.mcd.verify;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.expr.Decls;
import dev.mcd.expr.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corners where a wrong answer once sat under a "verified" mark: each case now derives to the
 * hand-written result (compared at the function's own sizes) or is refused with a clear message.
 */
class SoundnessCasesTest {
    record Case(int line, String expr, String wrt, String where, boolean refused, String outcome) {
        @Override
        public String toString() {
            return "line " + line + ": " + expr + " by " + wrt;
        }
    }

    static Stream<Case> cases() {
        return Cases.lines("soundness-cases.txt").stream().map(c -> {
            List<String> p = c.fields("|", 4);
            String last = p.get(3);
            if (!last.startsWith("!") && !last.startsWith("=")) {
                throw c.error("the last field must start with '= ' (the result) or '! ' (the refusal)");
            }
            return new Case(c.number(), p.get(0), p.get(1), p.get(2), last.startsWith("!"), last.substring(1).strip());
        });
    }

    @org.junit.jupiter.api.Test
    void expectAndChainsAreSizedByWhatTheyStartFrom() {
        var e = assertThrows(VerifiedDerive.RequestException.class,
                () -> VerifiedDerive.run("log(det(X'*X))", "X", "X: matrix", "2*inv(X)"));
        org.junit.jupiter.api.Assertions.assertEquals(VerifiedDerive.Part.EXPECT, e.part());
        VerifiedDerive.run("log(det(X'*X))", "X", "X: square matrix", "2*inv(X)");

        Decls rectangular = Decls.parse("X: matrix");
        var l = Parser.parse("log(det(X'*X))", rectangular).expr();
        var r = Parser.parse("2*log(abs(det(X)))", rectangular).expr();
        assertThrows(VerificationException.class, () -> EqualityCheck.check(List.of(l), l, r, n -> true));
        Decls square = Decls.parse("X: square matrix");
        List<dev.mcd.expr.Expr> premise = new ArrayList<>(List.of(l));
        premise.addAll(square.premises());
        EqualityCheck.check(premise, l, r, n -> true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void derivesRightOrRefusesClearly(Case c) {
        if (c.refused()) {
            var e = assertThrows(VerifiedDerive.RequestException.class, () -> VerifiedDerive.run(c.expr(), c.wrt(), c.where(), ""));
            assertTrue(e.getMessage().contains(c.outcome()), e.getMessage());
            return;
        }
        VerifiedDerive.Result r = VerifiedDerive.run(c.expr(), c.wrt(), c.where(), "");
        var want = Parser.parse(c.outcome(), Decls.parse(c.where())).expr();
        List<dev.mcd.expr.Expr> premise = new ArrayList<>(List.of(r.derivation().function(), r.derivation().wrt()));
        premise.addAll(r.derivation().premises());
        EqualityCheck.check(premise, r.derivation().result(), want, n -> true);
    }
}
