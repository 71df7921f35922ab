package dev.mcd.cli;

import dev.mcd.site.BuildFailure;
import dev.mcd.site.SiteBuilder;
import dev.mcd.site.SiteOutput;
import dev.mcd.site.serve.BuildOutcome;
import dev.mcd.site.serve.RebuilderFactory;

/**
 * The preview server's rebuilds: one set of services (and so one warm KaTeX engine with its
 * in-memory cache) for the whole session, a full site build per change written into a
 * fresh folder that the server switches to whole. Example: an edit of content/examples.md re-renders only formulas not seen yet.
 */
public final class PreviewBuilds {
    private PreviewBuilds() {}

    public static RebuilderFactory production() {
        return project -> {
            Services services;
            try {
                services = SiteCommand.factory.open(project);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the engine: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(services::close));
            return (changed, into) -> {
                long start = System.nanoTime();
                try {
                    SiteOutput site = new SiteBuilder(project, services.engine(), services.math()).build();
                    site.writeTo(into);
                    return new BuildOutcome.Built(site.files().size() + " files in " + (System.nanoTime() - start) / 1_000_000 + " ms");
                } catch (BuildFailure f) {
                    return new BuildOutcome.Failed(f.render());
                } catch (Exception e) {
                    return new BuildOutcome.Failed("build failed: " + e.getMessage());
                }
            };
        };
    }
}
