package dev.mcd.bench;

import dev.mcd.site.katex.KatexCorpus;
import dev.mcd.site.katex.KatexException;
import dev.mcd.site.katex.KatexRenderer;
import dev.mcd.site.katex.NodeKatex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * KaTeX milliseconds per formula in GraalJS (cold first pass, warm steady state, one and two
 * workers, disk-cache hits) next to Node running the same KaTeX on the same formulas, e.g.
 * {@code mvn -Pbench test-compile exec:java -Dbench.main=dev.mcd.bench.KatexBenchmark -Dbench.passes=5}.
 * Not a test: surefire excludes *Benchmark*.
 */
public final class KatexBenchmark {
    private KatexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int copies = Integer.getInteger("bench.copies", 10);
        int passes = Math.max(2, Integer.getInteger("bench.passes", 5));
        List<NodeKatex.Formula> base = KatexCorpus.FORMULAS.stream().filter(KatexBenchmark::valid).toList();
        System.out.printf(Locale.ROOT, "KaTeX %s, %d formulas per pass (%d distinct corpus formulas × %d variants), %d passes, %d cores, Java %s%n",
                KatexRenderer.katexVersion(), base.size() * copies, base.size(), copies, passes,
                Runtime.getRuntime().availableProcessors(), Runtime.version());

        Path cache = Files.createTempDirectory("katex-bench");
        var rows = new ArrayList<String>();

        // One worker, calls one after another: what a sequential build sees.
        long t0 = System.nanoTime();
        double coldFirst;
        double warmSeq;
        try (var k = new KatexRenderer(cache.resolve("seq"), 1)) {
            double startMs = ms(t0);
            long p0 = System.nanoTime();
            renderSequential(k, variants(base, copies, 0));
            coldFirst = ms(p0);
            double total = 0;
            for (int p = 1; p < passes; p++) {
                long s = System.nanoTime();
                renderSequential(k, variants(base, copies, p));
                total += ms(s);
            }
            warmSeq = total / ((passes - 1) * (double) (base.size() * copies));
            rows.add(row("GraalJS 1 worker: constructor returns", startMs));
            rows.add(row("GraalJS 1 worker: cold first pass incl. engine start, per formula", coldFirst / (base.size() * copies)));
            rows.add(row("GraalJS 1 worker: cold first pass total", coldFirst));
            rows.add(row("GraalJS 1 worker: warm, per formula", warmSeq));
        }

        // Two workers fed asynchronously: the renderer's default on this machine.
        double warmPar;
        try (var k = new KatexRenderer(cache.resolve("par"), 2)) {
            long p0 = System.nanoTime();
            renderParallel(k, variants(base, copies, 0));
            double first = ms(p0);
            double total = 0;
            for (int p = 1; p < passes; p++) {
                long s = System.nanoTime();
                renderParallel(k, variants(base, copies, p));
                total += ms(s);
            }
            warmPar = total / ((passes - 1) * (double) (base.size() * copies));
            rows.add(row("GraalJS 2 workers: cold first pass total", first));
            rows.add(row("GraalJS 2 workers: warm, per formula", warmPar));
        }

        // A fresh renderer over the filled cache: what an unchanged rebuild costs.
        try (var k = new KatexRenderer(cache.resolve("seq"), 1)) {
            long s = System.nanoTime();
            renderSequential(k, variants(base, copies, 0));
            double hit = ms(s) / (base.size() * copies);
            rows.add(row("GraalJS disk-cache hit, per formula (" + k.stats().jsRenders() + " JS renders)", hit));
        }

        double nodeSteady = Double.NaN;
        if (NodeKatex.nodeAvailable()) {
            var node = NodeKatex.install(NodeKatex.defaultDir());
            var allNode = new ArrayList<NodeKatex.Formula>();
            for (int p = 0; p < 1; p++) {
                allNode.addAll(variants(base, copies, p));
            }
            long s = System.nanoTime();
            var run = node.render(allNode, passes);
            double wall = ms(s);
            nodeSteady = run.timing().steadyMsPerFormula();
            rows.add(row("Node: process wall time (start, load, " + passes + " passes)", wall));
            rows.add(row("Node: katex.min.js load", run.timing().loadMs()));
            rows.add(row("Node: first pass total", run.timing().firstPassMs()));
            rows.add(row("Node: warm, per formula", nodeSteady));
        } else {
            rows.add("Node: not installed, no comparison");
        }
        rows.forEach(System.out::println);
        if (!Double.isNaN(nodeSteady)) {
            System.out.printf(Locale.ROOT, "ratio warm GraalJS/Node: 1 worker %.1f×, 2 workers %.1f× (per formula, wall clock)%n",
                    warmSeq / nodeSteady, warmPar / nodeSteady);
        }
        System.exit(0);
    }

    private static boolean valid(NodeKatex.Formula f) {
        return !f.tex().contains("undefinedmacro") && !f.tex().endsWith("{") && !f.tex().contains("%");
    }

    /** Distinct TeX per pass and copy, so neither the memory de-dup nor the disk cache hides KaTeX's cost. */
    private static List<NodeKatex.Formula> variants(List<NodeKatex.Formula> base, int copies, int pass) {
        var out = new ArrayList<NodeKatex.Formula>();
        for (int c = 0; c < copies; c++) {
            for (var f : base) {
                out.add(new NodeKatex.Formula(f.tex() + " + q_{" + pass + "," + c + "}", f.display()));
            }
        }
        return out;
    }

    private static void renderSequential(KatexRenderer k, List<NodeKatex.Formula> formulas) throws KatexException {
        for (var f : formulas) {
            k.render(f.tex(), f.display());
        }
    }

    private static void renderParallel(KatexRenderer k, List<NodeKatex.Formula> formulas) {
        var all = formulas.stream().map(f -> k.renderAsync(f.tex(), f.display())).toList();
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw new IllegalStateException("a benchmark formula failed", e.getCause());
        }
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static String row(String label, double ms) {
        return String.format(Locale.ROOT, "%-75s %10.2f ms", label, ms);
    }
}
