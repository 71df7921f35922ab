package dev.mcd.cli;

import dev.mcd.site.BuildFailure;
import dev.mcd.site.BuildMemo;
import dev.mcd.site.SiteBuilder;
import dev.mcd.site.publish.SiteOutput;
import dev.mcd.site.serve.BuildOutcome;
import dev.mcd.site.serve.RebuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The preview server's rebuilds: one set of services (and so one warm KaTeX engine with its
 * in-memory cache) for the whole session and a {@link BuildMemo}, so an edit re-parses and
 * re-renders only the pages that changed (all of them when a title or heading changes); each
 * site goes whole into a fresh folder that the server switches to, unchanged files hard-linked
 * from the previous one.
 */
public final class PreviewBuilds {
    private PreviewBuilds() {}

    public static RebuilderFactory production() {
        return production(EngineServices::open);
    }

    static RebuilderFactory production(Services.Factory factory) {
        return rebuilds(factory, true);
    }

    /** Every edit rebuilds and rewrites the whole site, as before issue 14: the benchmark's baseline. */
    public static RebuilderFactory fullRebuilds() {
        return rebuilds(EngineServices::open, false);
    }

    private static RebuilderFactory rebuilds(Services.Factory factory, boolean incremental) {
        return project -> {
            Services services;
            try {
                services = factory.open(project);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the engine: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(services::close));
            var memo = incremental ? new BuildMemo() : null;
            // The last site built and where: its files are never written again, so unchanged ones are linked.
            var last = new Object() {
                SiteOutput site;
                Path dir;
            };
            return (changed, into) -> {
                long start = System.nanoTime();
                try {
                    SiteOutput site = new SiteBuilder(project, services.engine(), services.math(), memo).build();
                    long w = dev.mcd.site.Profile.start();
                    if (incremental && last.site != null && Files.isDirectory(last.dir)) {
                        site.writeTo(into, last.site, last.dir);
                    } else {
                        site.writeTo(into);
                    }
                    dev.mcd.site.Profile.since("serve.write", w);
                    last.site = site;
                    last.dir = into;
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
