package dev.mcd.site;

import dev.mcd.expr.Pos;
import dev.mcd.site.engine.DerivationException;
import dev.mcd.site.engine.DerivationService;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only stand-in for the engine: a one-step "derivation" citing eq. 10, a chain printed as
 * written, a four-entry catalogue; {@code foo(} anywhere is an unknown function at its column.
 */
class FakeEngine implements DerivationService {
    @Override
    public String engineVersion() {
        return "fake-1";
    }

    @Override
    public RenderedDerivation derive(DeriveRequest r) throws DerivationException {
        reject("expr", 0, r.expr());
        reject("expect", 0, r.expect());
        return new RenderedDerivation(r.expr(), r.wrt(), "d(" + r.expr() + ")",
                List.of(new ShownStep("d(" + r.expr() + ")'", "product rule", List.of(10), List.of("cyclic-trace"))),
                2, "\\frac{\\partial f}{\\partial " + r.wrt() + "}", "g(" + r.wrt() + ")",
                "steps agree at 3 random points; finite differences agree to 1e-6",
                new Layouts("g(" + r.wrt() + ")", "g(" + r.wrt() + ")^T", "g(" + r.wrt() + ")^T"));
    }

    @Override
    public CheckedChain checkChain(ChainRequest r) throws DerivationException {
        var out = new ArrayList<String>();
        for (int i = 0; i < r.lines().size(); i++) {
            reject("line", i, r.lines().get(i));
            out.add(r.lines().get(i));
        }
        return new CheckedChain(out, "each link agrees at 3 random points");
    }

    @Override
    public List<IdentityView> identities() {
        return List.of(new IdentityView("read-scalar-vector", 2, "read-off", "scalar by vector", "dy = g dx", "checked", true),
                new IdentityView("product-rule", 10, "rules", "product rule", "d(XY) = d(X)Y + X d(Y)", "checked", true),
                new IdentityView("inverse-rule", 16, "rules", "inverse rule", "d(X^{-1}) = -X^{-1} d(X) X^{-1}", "checked", true),
                new IdentityView("cyclic-trace", 0, "facts", "cyclic trace", "tr(ABC) = tr(BCA)", "checked", true));
    }

    private static void reject(String key, int index, String text) throws DerivationException {
        int at = text.indexOf("foo(");
        if (at >= 0) {
            throw new DerivationException(key, index, new Pos(1, at + 1), "unknown function 'foo'");
        }
    }
}
