package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.site.engine.DerivationException;
import dev.mcd.site.engine.DerivationService;
import dev.mcd.site.engine.EngineDerivationService;
import dev.mcd.site.load.SiteIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 on the real content: built with the real engine and no cache, every "verified" badge
 * on the site stands for a check the engine ran in this build (counted at the engine's door), no
 * badge sits on a definition of the catalogue, and the report lists no unmarked equality.
 */
class ContentBadgesTest {
    private static final Pattern BADGE = Pattern.compile("<span class=\"verified\"[^>]*title=\"([^\"]*)\"[^>]*>");
    private static final Pattern TOTALS = Pattern.compile("In total: (\\d+) derivations, (\\d+) chains \\((\\d+) equalities\\) "
            + "and (\\d+) identities checked; (\\d+) statements marked as not machine-checked; (\\d+) displayed");

    @TempDir
    Path tmp;

    /** The real engine, counting the answers it gives: each one is a check that ran. */
    static final class CountingEngine implements DerivationService {
        private final DerivationService engine = new EngineDerivationService();
        final AtomicInteger derives = new AtomicInteger();
        final AtomicInteger chains = new AtomicInteger();
        volatile List<IdentityView> catalogue = List.of();

        @Override
        public String engineVersion() {
            return engine.engineVersion();
        }

        @Override
        public RenderedDerivation derive(DeriveRequest request) throws DerivationException {
            var r = engine.derive(request);
            derives.incrementAndGet();
            return r;
        }

        @Override
        public CheckedChain checkChain(ChainRequest request) throws DerivationException {
            var c = engine.checkChain(request);
            chains.incrementAndGet();
            return c;
        }

        @Override
        public List<IdentityView> identities() {
            catalogue = engine.identities();
            return catalogue;
        }
    }

    @Test
    void everyBadgeOnTheSiteIsACheckThatRanInThisBuild() throws Exception {
        Path site = tmp.resolve("site");
        TestSites.copyTree(TestSites.projectRoot().resolve("content"), site.resolve("content"));
        TestSites.copyTree(TestSites.projectRoot().resolve("templates"), site.resolve("templates"));
        var engine = new CountingEngine();
        var out = new SiteBuilder(site, engine, new FakeMath()).build();

        String report = new String(out.files().get(SiteIndex.VERIFICATION_PAGE), StandardCharsets.UTF_8);
        var totals = TOTALS.matcher(report);
        assertTrue(totals.find(), report);
        int derivations = Integer.parseInt(totals.group(1));
        int chains = Integer.parseInt(totals.group(2));
        int identities = Integer.parseInt(totals.group(4));
        assertEquals(engine.derives.get(), derivations, "derivations on the report = derivations the engine checked");
        assertEquals(engine.chains.get(), chains, "chains on the report = chains the engine checked");
        assertEquals("0", totals.group(6), "no displayed equality is neither checked nor marked");

        Set<String> checkedIdentities = engine.catalogue.stream().filter(DerivationService.IdentityView::checked)
                .map(v -> Html.escape(v.verification())).collect(Collectors.toSet());
        Set<String> definitions = engine.catalogue.stream().filter(v -> !v.checked())
                .map(v -> Html.escape(v.verification())).collect(Collectors.toSet());
        assertEquals(5, engine.catalogue.stream().filter(v -> !v.checked()).count(), "eqs. 24–27 and 28 (the vec form) are definitions");
        int badges = 0;
        int identityBadges = 0;
        for (var e : out.files().entrySet()) {
            if (!e.getKey().endsWith(".html")) {
                continue;
            }
            var m = BADGE.matcher(new String(e.getValue(), StandardCharsets.UTF_8));
            while (m.find()) {
                badges++;
                assertTrue(m.group().contains("data-check=\""), e.getKey() + ": " + m.group());
                assertTrue(!definitions.contains(m.group(1)), e.getKey() + ": a badge on a definition: " + m.group());
                identityBadges += checkedIdentities.contains(m.group(1)) ? 1 : 0;
            }
        }
        assertEquals(derivations + chains + identities, badges, "one badge per check on the report");
        assertEquals(identities, identityBadges, "each identity badge carries a check of the catalogue");
    }
}
