package dev.mcd.site.engine;

import dev.mcd.site.Profile;
import java.util.List;

/**
 * A {@link DerivationService} that adds each call's time to a {@link Profile} phase, e.g.
 * {@code new ProfiledDerivations(engine, "derive.engine")} records {@code derive.engine.derive}.
 * Wrapped around the engine it measures the engine alone; around the cache, engine plus cache.
 */
public final class ProfiledDerivations implements DerivationService {
    private final DerivationService inner;
    private final String prefix;

    public ProfiledDerivations(DerivationService inner, String prefix) {
        this.inner = inner;
        this.prefix = prefix;
    }

    @Override
    public String engineVersion() {
        return inner.engineVersion();
    }

    @Override
    public RenderedDerivation derive(DeriveRequest request) throws DerivationException {
        long s = Profile.start();
        try {
            return inner.derive(request);
        } finally {
            Profile.since(prefix + ".derive", s);
        }
    }

    @Override
    public CheckedChain checkChain(ChainRequest request) throws DerivationException {
        long s = Profile.start();
        try {
            return inner.checkChain(request);
        } finally {
            Profile.since(prefix + ".chain", s);
        }
    }

    @Override
    public List<IdentityView> identities() {
        return Profile.time(prefix + ".identities", inner::identities);
    }
}
