package dev.mcd.cli;

import dev.mcd.site.engine.DerivationService;
import dev.mcd.site.render.MathRenderer;
import java.nio.file.Path;

/**
 * The engine and the math renderer a build uses, opened for one project and closed after it
 * (the KaTeX renderer holds GraalJS contexts), e.g. {@code try (var s = Services.open(root)) ...}.
 */
public interface Services extends AutoCloseable {
    DerivationService engine();

    MathRenderer math();

    @Override
    void close();

    /**
     * The engine and renderer of services that outlive the command using them (the build daemon's,
     * a test JVM's): closing these does nothing.
     */
    static Services sharing(DerivationService engine, MathRenderer math) {
        return new Services() {
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
                // the owner closes the real services
            }
        };
    }

    /** How commands obtain services; tests replace it with fakes. */
    interface Factory {
        Services open(Path root) throws Exception;
    }
}
