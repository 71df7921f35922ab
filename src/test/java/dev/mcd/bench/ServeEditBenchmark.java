package dev.mcd.bench;

import dev.mcd.cli.PreviewBuilds;
import dev.mcd.site.serve.BuildOutcome;
import dev.mcd.site.serve.Rebuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a one-formula edit costs in {@code mcd serve}: the preview's rebuilder (one warm engine,
 * KaTeX and caches for the session) rebuilds after a page's formula changes; the browser reload
 * that follows is one SSE message. Run: {@code bench/run ServeEditBenchmark}.
 */
public final class ServeEditBenchmark {
    private ServeEditBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(System.getenv().getOrDefault("MCD_PROJECT_ROOT", ".")).toAbsolutePath();
        int edits = Integer.getInteger("bench.edits", 10);
        Path project = SiteBenchmark.copyProject(repo, Files.createTempDirectory("mcd-bench-serve"));
        Path out = Files.createTempDirectory("mcd-bench-serve-out");
        Rebuilder rebuilder = PreviewBuilds.production().create(project);
        long t0 = System.nanoTime();
        expectBuilt(rebuilder.rebuild(Set.of(), out.resolve("gen-0")));
        System.out.printf(Locale.ROOT, "first preview build (cold caches in a fresh JVM): %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        dev.mcd.site.Profile.reset(); // with MCD_PROFILE=1: the edits' phases only, printed at the end
        Path page = project.resolve("content/notation.md");
        String original = Files.readString(page);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < edits; i++) {
            Files.writeString(page, original + "\nAn edit: $x_{" + i + "} + \\frac{" + i + "}{3}$.\n");
            long s = System.nanoTime();
            expectBuilt(rebuilder.rebuild(Set.of(page), out.resolve("gen-" + (i + 1))));
            times.add((System.nanoTime() - s) / 1e6);
        }
        System.out.printf(Locale.ROOT, "one-formula edit rebuild: median %.0f ms, min %.0f ms over %d edits %s%n",
                SiteBenchmark.median(times), times.stream().mapToDouble(Double::doubleValue).min().orElse(0), edits, times);
        System.err.print(dev.mcd.site.Profile.report());
        System.exit(0);
    }

    private static void expectBuilt(BuildOutcome o) {
        if (o instanceof BuildOutcome.Failed f) {
            throw new IllegalStateException(f.message());
        }
    }
}
