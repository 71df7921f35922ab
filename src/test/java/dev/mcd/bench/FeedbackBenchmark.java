package dev.mcd.bench;

import dev.mcd.cli.PreviewBuilds;
import dev.mcd.site.engine.DerivationCache;
import dev.mcd.site.engine.EngineDerivationService;
import dev.mcd.site.SiteBuilder;
import dev.mcd.site.katex.NodeKatex;
import dev.mcd.site.serve.PreviewSession;
import dev.mcd.site.serve.RebuilderFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Issue 14's figures in one run on the real tutorial: a cold build (fresh JVM through ./mcd,
 * no .mcd-cache), Node's KaTeX over the same distinct formulas (process start included), their
 * ratio, warm builds in a fresh JVM and through the build daemon, and {@code mcd serve}'s edit-to-reload time (file written → the reload
 * event on the live-reload stream) for a prose edit and for an edit that adds a derivation,
 * incremental next to full rebuilds measured in the same run. Medians; wall clock and, where
 * /usr/bin/time exists, CPU seconds (steadier than wall on a shared machine).
 * Run: {@code bench/run FeedbackBenchmark} ({@code -Dbench.runs=3 -Dbench.edits=10}; {@code -Dbench.cold=false}
 * for the warm rows only).
 */
public final class FeedbackBenchmark {
    private FeedbackBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(System.getenv().getOrDefault("MCD_PROJECT_ROOT", ".")).toAbsolutePath();
        int runs = Integer.getInteger("bench.runs", 3);
        int edits = Integer.getInteger("bench.edits", 10);
        System.out.printf(Locale.ROOT, "mcd feedback benchmark: %d builds, %d edits each (medians), %d cores, load %s, Java %s%n",
                runs, edits, Runtime.getRuntime().availableProcessors(), load(), Runtime.version());
        Path project = SiteBenchmark.copyProject(repo, Files.createTempDirectory("mcd-bench-feedback"));

        // -Dbench.cold=false: the warm rows only (a cold build is a minute under load; the warm targets need no cold run)
        boolean coldRows = !"false".equals(System.getProperty("bench.cold"));
        var cold = new ArrayList<double[]>();
        var warm = new ArrayList<double[]>();
        var rebuilt = new ArrayList<double[]>();
        var edited = new ArrayList<double[]>();
        Path notation = project.resolve("content/notation.md");
        String text = Files.readString(notation);
        for (int i = 0; i < runs; i++) {
            if (coldRows || i == 0) {
                SiteBenchmark.deleteTree(project.resolve(".mcd-cache"));
                cold.add(build(repo, project));
            }
            warm.add(build(repo, project));
            rebuilt.add(build(repo, project, "--rebuild"));
            Files.writeString(notation, text + "\nOne more sentence of prose, number " + i + ".\n");
            edited.add(build(repo, project));
        }
        Files.writeString(notation, text);
        if (coldRows) {
            double nodeS = node(project);
            double coldS = median(cold, 0);
            row("cold build (no .mcd-cache)", coldS, median(cold, 1));
            row("Node's KaTeX, same formulas, process start included", nodeS, Double.NaN);
            System.out.printf(Locale.ROOT, "%-58s %7.1f×%n", "ratio cold build / Node's KaTeX", coldS / nodeS);
        }
        row("warm build, nothing changed (site-output/ up to date)", median(warm, 0), median(warm, 1));
        row("warm build --rebuild (every page from .mcd-cache)", median(rebuilt, 0), median(rebuilt, 1));
        row("warm build after a prose edit of one page", median(edited, 0), median(edited, 1));
        daemonRows(repo, project, runs);

        for (var mode : List.of("incremental", "full")) {
            RebuilderFactory factory = mode.equals("full") ? PreviewBuilds.fullRebuilds() : PreviewBuilds.production();
            Path serveProject = SiteBenchmark.copyProject(repo, Files.createTempDirectory("mcd-bench-serve"));
            Path out = Files.createTempDirectory("mcd-bench-serve-out");
            try (var session = PreviewSession.start(serveProject, out, 0, factory.create(serveProject),
                    new PrintStream(OutputStream.nullOutputStream()))) {
                var events = listen(session.uri());
                Path page = serveProject.resolve("content/notation.md");
                String original = Files.readString(page);
                var prose = new ArrayList<Double>();
                var derivation = new ArrayList<Double>();
                for (int i = 0; i < edits; i++) {
                    prose.add(editToReload(events, page, original + "\nOne more sentence of prose, number " + i + ".\n"));
                    derivation.add(editToReload(events, page, original + "\n```derive\nid: feedback-added\nexpr: " + (i + 2)
                            + "*tr(A*X) + x'*x\nwrt: X\nwhere: A: matrix, X: matrix, x: vector\n```\n"));
                }
                row("serve edit-to-reload, prose edit (" + mode + " rebuilds)", SiteBenchmark.median(prose) / 1000, Double.NaN);
                row("serve edit-to-reload, derivation added (" + mode + " rebuilds)", SiteBenchmark.median(derivation) / 1000, Double.NaN);
            }
        }
        System.exit(0);
    }

    /**
     * The same warm builds through the project's build daemon (the client's JVM start included), after
     * the daemon has warmed up: nothing changed, --rebuild, a prose edit, a derivation added. CPU is the
     * client's only (the daemon's is not in /usr/bin/time's account).
     */
    private static void daemonRows(Path repo, Path project, int runs) throws Exception {
        build(repo, project, true); // starts the daemon after building here
        long waited = System.nanoTime();
        while (!status(repo, project).contains("builds served") || status(repo, project).contains("warming up")) {
            if (System.nanoTime() - waited > 120_000_000_000L) {
                throw new IllegalStateException("the build daemon did not start: " + status(repo, project));
            }
            Thread.sleep(200);
        }
        var warm = new ArrayList<double[]>();
        var rebuilt = new ArrayList<double[]>();
        var edited = new ArrayList<double[]>();
        var derived = new ArrayList<double[]>();
        Path notation = project.resolve("content/notation.md");
        String text = Files.readString(notation);
        try {
            for (int i = 0; i < Math.max(runs, 5); i++) {
                warm.add(build(repo, project, true));
                rebuilt.add(build(repo, project, true, "--rebuild"));
                Files.writeString(notation, text + "\nOne more sentence of prose, number " + i + ".\n");
                edited.add(build(repo, project, true));
                Files.writeString(notation, text + "\n```derive\nid: feedback-added\nexpr: " + (i + 2)
                        + "*tr(A*X) + x'*x\nwrt: X\nwhere: A: matrix, X: matrix, x: vector\n```\n");
                derived.add(build(repo, project, true));
            }
            System.out.println(status(repo, project));
        } finally {
            Files.writeString(notation, text);
            SiteBenchmark.mcd(repo, true, List.of(), "daemon", "stop", "--root", project.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        row("through the build daemon, nothing changed", median(warm, 0), median(warm, 1));
        row("through the build daemon, --rebuild", median(rebuilt, 0), median(rebuilt, 1));
        row("through the build daemon, after a prose edit of one page", median(edited, 0), median(edited, 1));
        row("through the build daemon, after adding a derivation", median(derived, 0), median(derived, 1));
    }

    private static String status(Path repo, Path project) throws Exception {
        Process p = SiteBenchmark.mcd(repo, true, List.of(), "daemon", "status", "--root", project.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.strip();
    }

    /** {wall s, cpu s} of one {@code ./mcd build} in a fresh JVM without a daemon; cpu is NaN without /usr/bin/time. */
    private static double[] build(Path repo, Path project, String... options) throws Exception {
        return build(repo, project, false, options);
    }

    /** {wall s, cpu s} of one {@code ./mcd build}, through the build daemon or not; cpu is the client's. */
    private static double[] build(Path repo, Path project, boolean daemon, String... options) throws Exception {
        Path times = Files.createTempFile("mcd-bench-time", ".txt");
        var prefix = new ArrayList<String>();
        boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
        if (timed) {
            prefix.addAll(List.of("/usr/bin/time", "-f", "%U %S", "-o", times.toString()));
        }
        var command = new ArrayList<>(List.of("build", "--root", project.toString()));
        command.addAll(List.of(options));
        long t0 = System.nanoTime();
        Process p = SiteBenchmark.mcd(repo, daemon, prefix, command.toArray(String[]::new)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int code = p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("build of " + project + " failed with exit code " + code);
        }
        double cpu = Double.NaN;
        if (timed) {
            String[] f = Files.readString(times).strip().split("\\s+");
            cpu = Double.parseDouble(f[f.length - 2]) + Double.parseDouble(f[f.length - 1]);
        }
        return new double[] {wall, cpu};
    }

    /** Seconds for Node to start, load KaTeX and render the site's distinct formulas once. */
    private static double node(Path project) throws Exception {
        if (!NodeKatex.nodeAvailable()) {
            System.out.println("Node: not installed, no floor to compare with");
            return Double.NaN;
        }
        var formulas = new LinkedHashSet<NodeKatex.Formula>();
        // The site's own formulas, collected by a build whose renderer only records them.
        new SiteBuilder(project, new DerivationCache(new EngineDerivationService(), project.resolve(".mcd-cache/derivations")),
                (tex, display) -> {
                    synchronized (formulas) {
                        formulas.add(new NodeKatex.Formula(tex, display));
                    }
                    return "<span></span>";
                }).build();
        var node = NodeKatex.install(NodeKatex.defaultDir());
        var list = List.copyOf(formulas);
        var times = new ArrayList<Double>();
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            node.render(list, 1);
            times.add((System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "%d distinct formulas on the site%n", list.size());
        return SiteBenchmark.median(times);
    }

    /** The live-reload stream's generations, as a browser's EventSource receives them. */
    private static LinkedBlockingQueue<String> listen(URI site) throws Exception {
        var queue = new LinkedBlockingQueue<String>();
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(site.resolve("/__mcd/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread.ofPlatform().daemon().start(() -> {
            try (var in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("data:")) {
                        queue.add(line);
                    }
                }
            } catch (Exception e) {
                queue.add("closed");
            }
        });
        return queue;
    }

    /** Milliseconds from writing {@code text} into {@code page} to the next reload event. */
    private static double editToReload(LinkedBlockingQueue<String> events, Path page, String text) throws Exception {
        Thread.sleep(300); // the previous build's events are over
        events.clear();
        long t0 = System.nanoTime();
        Files.writeString(page, text);
        String event = events.poll(60, TimeUnit.SECONDS);
        if (event == null || event.equals("closed")) {
            throw new IllegalStateException("no reload event after editing " + page);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(List<double[]> xs, int i) {
        return SiteBenchmark.median(xs.stream().map(x -> x[i]).toList());
    }

    private static void row(String label, double wallS, double cpuS) {
        System.out.printf(Locale.ROOT, "%-58s %7.2f s%s%n", label, wallS,
                Double.isNaN(cpuS) ? "" : String.format(Locale.ROOT, "   (CPU %.2f s)", cpuS));
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
