package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.site.engine.DerivationException;
import dev.mcd.site.engine.DerivationService;
import dev.mcd.site.engine.EngineDerivationService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real engine behind the directives: TeX steps, display names, chains and positioned errors. */
class EngineDerivationServiceTest {
    private final EngineDerivationService engine = new EngineDerivationService();

    @Test
    void derivesTheFirstExampleAsTheTutorialWritesIt() throws Exception {
        var r = engine.derive(new DerivationService.DeriveRequest("x'*x", "x", "x: vector", "2*x'"));
        assertEquals("2\\mathbf{x}^\\top", r.resultTex());
        assertEquals(2, r.readOffEquation());
        assertEquals(List.of(10), r.steps().getFirst().equations());
        assertTrue(r.verification().startsWith("checked at 3 random points"), r.verification());
        assertEquals("2\\mathbf{x}", r.layouts().denominatorTex());
    }

    @Test
    void displayNamesShortenTheChainRule() throws Exception {
        var r = engine.derive(new DerivationService.DeriveRequest("l(W_2*sigma(W_1*x))", "W_2", "l: scalar function, sigma: elementwise function", "",
                "y = W_2*sigma(W_1*x)"));
        // Site TeX may break between factors (\allowbreak); the names are what this test is about.
        assertEquals("\\sigma(\\mathbf{W}_1\\mathbf{x})\\frac{\\partial l}{\\partial \\mathbf{y}}",
                r.resultTex().replace("\\allowbreak ", ""));
        assertTrue(r.functionTex().contains("\\text{where } \\mathbf{y} = "), r.functionTex());
    }

    @Test
    void errorsNameTheKeyAndTheColumnInItsValue() {
        var e = assertThrows(DerivationException.class,
                () -> engine.derive(new DerivationService.DeriveRequest("x'*x", "x", "", "", "y W*x")));
        assertEquals("names", e.key());
        var wrong = assertThrows(DerivationException.class,
                () -> engine.derive(new DerivationService.DeriveRequest("x'*x", "x", "", "x'")));
        assertEquals("expect", wrong.key());
        var parse = assertThrows(DerivationException.class,
                () -> engine.derive(new DerivationService.DeriveRequest("tr(X*)", "X", "", "")));
        assertEquals("expr", parse.key());
        assertEquals(6, parse.pos().column());
    }

    @Test
    void checksEachLinkOfAChain() throws Exception {
        var ok = engine.checkChain(new DerivationService.ChainRequest("X: matrix",
                List.of("d(inv(X)*X) = d(I)", "= 0")));
        assertEquals(2, ok.linesTex().size());
        var e = assertThrows(DerivationException.class, () -> engine.checkChain(new DerivationService.ChainRequest("",
                List.of("tr(A*B) = tr(A)*tr(B)"))));
        assertEquals("line", e.key());
    }
}
