package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mcd.site.engine.DerivationCache;
import dev.mcd.site.engine.DerivationException;
import dev.mcd.site.engine.DerivationService;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The derivation cache returns what the engine returned, survives a restart, and never keeps failures. */
class DerivationCacheTest {

    /** FakeEngine that counts how often it is really asked. */
    private static final class Counting extends ForwardingEngine {
        final AtomicInteger derives = new AtomicInteger();
        final AtomicInteger chains = new AtomicInteger();
        final AtomicInteger catalogues = new AtomicInteger();
        final String version;

        Counting(String version) {
            this.version = version;
        }

        @Override
        public String engineVersion() {
            return version;
        }

        @Override
        public RenderedDerivation derive(DeriveRequest r) throws DerivationException {
            derives.incrementAndGet();
            return super.derive(r);
        }

        @Override
        public CheckedChain checkChain(ChainRequest r) throws DerivationException {
            chains.incrementAndGet();
            return super.checkChain(r);
        }

        @Override
        public List<IdentityView> identities() {
            catalogues.incrementAndGet();
            return super.identities();
        }
    }

    /** Delegates to the test-only FakeEngine. */
    private static class ForwardingEngine implements DerivationService {
        private final FakeEngine fake = new FakeEngine();

        @Override
        public String engineVersion() {
            return fake.engineVersion();
        }

        @Override
        public RenderedDerivation derive(DeriveRequest r) throws DerivationException {
            return fake.derive(r);
        }

        @Override
        public CheckedChain checkChain(ChainRequest r) throws DerivationException {
            return fake.checkChain(r);
        }

        @Override
        public List<IdentityView> identities() {
            return fake.identities();
        }
    }

    @Test
    void answersFromDiskAfterARestartAndOnlyForTheSameEngine(@TempDir Path dir) throws Exception {
        var request = new DerivationService.DeriveRequest("x'*x", "x", "", "");
        var first = new Counting("v1");
        var expected = new DerivationCache(first, dir).derive(request);
        var restarted = new Counting("v1");
        assertEquals(expected, new DerivationCache(restarted, dir).derive(request));
        assertEquals(0, restarted.derives.get(), "a second process reads the stored entry");

        var chain = new DerivationService.ChainRequest("", List.of("a = a"));
        var c = new DerivationCache(restarted, dir);
        assertEquals(c.checkChain(chain), new DerivationCache(new Counting("v1"), dir).checkChain(chain));
        assertEquals(1, restarted.chains.get());

        var upgraded = new Counting("v2");
        new DerivationCache(upgraded, dir).derive(request);
        assertEquals(1, upgraded.derives.get(), "a new engine version misses the old entries");
    }

    /** The catalogue once went unread (its record could not be constructed) and was recomputed on every build. */
    @Test
    void theCatalogueIsReadBackAfterARestart(@TempDir Path dir) {
        var first = new Counting("v1");
        var expected = new DerivationCache(first, dir).identities();
        var restarted = new Counting("v1");
        assertEquals(expected, new DerivationCache(restarted, dir).identities());
        assertEquals(0, restarted.catalogues.get(), "a second process reads the stored catalogue");
    }

    @Test
    void failuresAreNotCached(@TempDir Path dir) {
        var engine = new Counting("v1");
        var bad = new DerivationService.DeriveRequest("foo(x)", "x", "", "");
        var cache = new DerivationCache(engine, dir);
        assertThrows(DerivationException.class, () -> cache.derive(bad));
        assertThrows(DerivationException.class, () -> cache.derive(bad));
        assertEquals(2, engine.derives.get());
    }
}
