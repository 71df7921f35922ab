package dev.mcd.cli;

import dev.mcd.site.Html;
import dev.mcd.site.render.MathRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real engine and KaTeX renderer for the whole test JVM, shared by every command the
 * end-to-end tests run (CliTest, BadInputTest, TutorialExpectationsTest, ConcurrentBuildTest):
 * starting KaTeX in GraalJS costs about 2 s and its first formulas are slow, so each class starting
 * its own was most of their time. Opened on first use with its caches in a temporary folder,
 * closed when the JVM exits. While a handle is installed, {@link #factory()} gives {@code build} and
 * {@code check} these services, e.g. {@code try (var s = SharedServices.install()) { Run.of("build", ...); }}.
 */
public final class SharedServices implements AutoCloseable {
    private static volatile Services.Factory installed = EngineServices::open;
    private static Services real;

    private final Services.Factory previous;

    private SharedServices(Services services) {
        this.previous = installed;
        installed = root -> services;
    }

    /** Installs the shared engine and KaTeX renderer until {@link #close()}. */
    public static SharedServices install() {
        Services shared = shared();
        return new SharedServices(Services.sharing(shared.engine(), shared.math()));
    }

    /**
     * Installs the shared engine with a stand-in for KaTeX that writes the TeX as text: for builds
     * that must fail on what the engine finds, where rendering the site's many formulas would only
     * cost time (nothing is published).
     */
    public static SharedServices installWithoutKatex() {
        MathRenderer plain = (tex, display) -> "<span class=\"" + (display ? "katex-display" : "katex") + "\">"
                + Html.escape(tex) + "</span>";
        return new SharedServices(Services.sharing(shared().engine(), plain));
    }

    /** What a command run in a test opens: the installed services, else the real ones. */
    public static Services.Factory factory() {
        return installed;
    }

    private static synchronized Services shared() {
        if (real == null) {
            try {
                Path caches = Files.createTempDirectory("mcd-test-services");
                real = EngineServices.open(caches);
                Services opened = real;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    opened.close();
                    delete(caches);
                }, "close-shared-services"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the shared services' cache folder", e);
            }
        }
        return real;
    }

    private static void delete(Path dir) {
        try (var all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }

    /** Restores the services commands had before {@link #install()}. */
    @Override
    public void close() {
        installed = previous;
    }
}
