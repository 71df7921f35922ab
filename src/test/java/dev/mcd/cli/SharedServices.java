package dev.mcd.cli;

import dev.mcd.site.engine.DerivationService;
import dev.mcd.site.render.MathRenderer;
import java.nio.file.Path;

/**
 * One real engine and KaTeX renderer shared by every command a test class runs (starting KaTeX
 * costs about 2 s), e.g. {@code var s = SharedServices.install(tmp); ... s.close();}: while
 * installed, {@link #factory()} gives {@code build} and {@code check} a wrapper whose close does nothing.
 */
public final class SharedServices implements AutoCloseable {
    private static volatile Services.Factory installed = EngineServices::open;

    private final Services real;
    private final Services.Factory previous;

    private SharedServices(Services real, Services.Factory previous) {
        this.real = real;
        this.previous = previous;
    }

    /** Opens the real services with their KaTeX cache under {@code cacheRoot} and installs them. */
    public static SharedServices install(Path cacheRoot) {
        var shared = new SharedServices(EngineServices.open(cacheRoot), installed);
        Services keepOpen = new Services() {
            @Override
            public DerivationService engine() {
                return shared.real.engine();
            }

            @Override
            public MathRenderer math() {
                return shared.real.math();
            }

            @Override
            public void close() {
                // shared across the test class: closed once by SharedServices.close()
            }
        };
        installed = root -> keepOpen;
        return shared;
    }

    /** What a command run in a test opens: the installed services, else the real ones. */
    public static Services.Factory factory() {
        return installed;
    }

    /** Restores the previous factory and closes the real services. */
    @Override
    public void close() {
        installed = previous;
        real.close();
    }
}
