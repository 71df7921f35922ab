package dev.mcd.cli;

import dev.mcd.site.engine.DerivationCache;
import dev.mcd.site.engine.DerivationService;
import dev.mcd.site.engine.EngineDerivationService;
import dev.mcd.site.render.MathException;
import dev.mcd.site.render.MathRenderer;
import dev.mcd.site.Profile;
import dev.mcd.site.engine.ProfiledDerivations;
import dev.mcd.site.katex.KatexException;
import dev.mcd.site.katex.KatexRenderer;
import java.nio.file.Path;

/**
 * The production services: the real engine behind a derivation cache ({@code .mcd-cache/derivations})
 * and KaTeX in GraalJS with its own cache ({@code .mcd-cache/katex}); neither is committed. The renderer starts its JS engine in the background
 * as soon as it is constructed, so that start-up overlaps reading the content.
 */
final class EngineServices implements Services {
    private final DerivationService engine;
    private final KatexRenderer katex;
    private final MathRenderer math;

    private EngineServices(Path root) {
        this.katex = new KatexRenderer(root.resolve(".mcd-cache").resolve("katex"));
        DerivationService real = new EngineDerivationService();
        DerivationService cached = new DerivationCache(Profile.enabled() ? new ProfiledDerivations(real, "derive.engine") : real,
                root.resolve(".mcd-cache").resolve("derivations"));
        this.engine = Profile.enabled() ? new ProfiledDerivations(cached, "derive.cached") : cached;
        this.math = (tex, display) -> {
            long s = Profile.start();
            try {
                return katex.render(tex, display);
            } catch (KatexException e) {
                throw new MathException(e.getMessage());
            } finally {
                Profile.since("math.call", s);
            }
        };
    }

    static Services open(Path root) {
        return new EngineServices(root);
    }

    @Override
    public DerivationService engine() {
        return engine;
    }

    @Override
    public MathRenderer math() {
        return math;
    }

    @Override
    public void close() {
        katex.close();
    }
}
