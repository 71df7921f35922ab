package dev.mcd.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Whole-site build times, each in a fresh JVM through the real {@code ./mcd} launcher, so JVM
 * start, GraalJS start and both caches count: the real tutorial and a generated site of 200
 * pages with 5,000 distinct formulas, cold (empty .mcd-cache) and warm (cache filled), plus a
 * one-formula edit rebuilt by the same process that `mcd serve` uses (see {@link ServeEditBenchmark}).
 * Run: {@code bench/run SiteBenchmark}. Not a test: surefire excludes *Benchmark*.
 */
public final class SiteBenchmark {
    private SiteBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(System.getenv().getOrDefault("MCD_PROJECT_ROOT", ".")).toAbsolutePath();
        int runs = Integer.getInteger("bench.runs", 3);
        System.out.printf(Locale.ROOT, "mcd site builds, %d runs each (median), %d cores, Java %s%n",
                runs, Runtime.getRuntime().availableProcessors(), Runtime.version());

        Path tutorial = copyProject(repo, Files.createTempDirectory("mcd-bench-tutorial"));
        report("real tutorial", repo, tutorial, runs);

        Path generated = Files.createTempDirectory("mcd-bench-generated");
        generate(repo, generated, 200, 25);
        report("generated: 200 pages, 5,000 formulas", repo, generated, runs);
    }

    private static void report(String name, Path repo, Path project, int runs) throws Exception {
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            deleteTree(project.resolve(".mcd-cache"));
            cold.add(build(repo, project));
            warm.add(build(repo, project));
        }
        System.out.printf(Locale.ROOT, "%-40s cold %6.2f s   warm %6.2f s   (runs: cold %s, warm %s)%n",
                name, median(cold), median(warm), cold, warm);
    }

    /**
     * The launcher run with {@code command} (e.g. {@code build --root DIR}) through {@code prefix}
     * (e.g. /usr/bin/time), through the project's build daemon or without one ({@code MCD_DAEMON=off}):
     * the benchmarks choose, whatever the caller's environment says.
     */
    static ProcessBuilder mcd(Path repo, boolean daemon, List<String> prefix, String... command) {
        var cmd = new java.util.ArrayList<>(prefix);
        cmd.add(repo.resolve("mcd").toString());
        cmd.addAll(List.of(command));
        var pb = new ProcessBuilder(cmd);
        pb.environment().remove("CI");
        pb.environment().remove("MCD_PROFILE");
        pb.environment().put("MCD_DAEMON", daemon ? "on" : "off");
        return pb;
    }

    /** Seconds for one {@code ./mcd build --root project} in a fresh JVM. */
    private static double build(Path repo, Path project) throws Exception {
        long t0 = System.nanoTime();
        Process p = mcd(repo, false, List.of(), "build", "--root", project.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int code = p.waitFor();
        double s = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("build of " + project + " failed with exit code " + code);
        }
        return Math.round(s * 100) / 100.0;
    }

    /** Everything a build reads ({@link dev.mcd.site.SiteBuilder#INPUTS}), as a fresh clone has it. */
    static Path copyProject(Path repo, Path target) throws IOException {
        for (String input : dev.mcd.site.SiteBuilder.INPUTS) {
            Path from = repo.resolve(input);
            if (Files.isDirectory(from)) {
                copyTree(from, target.resolve(input));
            } else if (Files.isRegularFile(from)) {
                Files.createDirectories(target);
                Files.copy(from, target.resolve(input));
            }
        }
        return target;
    }

    /** Pages of prose with distinct inline formulas, plus the repo's templates. */
    static void generate(Path repo, Path target, int pages, int formulasPerPage) throws IOException {
        copyTree(repo.resolve("templates"), target.resolve("templates"));
        Path content = Files.createDirectories(target.resolve("content"));
        Files.writeString(content.resolve("index.md"), "---\ntitle: Generated\norder: 0\n---\nA generated site.\n");
        for (int p = 1; p <= pages; p++) {
            StringBuilder sb = new StringBuilder("---\ntitle: Page " + p + "\norder: " + p + "\n---\n## Section\n");
            for (int f = 0; f < formulasPerPage; f++) {
                int k = p * 1000 + f;
                sb.append("Formula ").append(f).append(": $\\mathrm{tr}(\\mathbf{A}_{").append(k)
                        .append("}\\mathbf{X}^\\top) + \\frac{").append(k).append("}{2}\\|\\mathbf{x}\\|_2^2$.\n");
            }
            Files.writeString(content.resolve(String.format(Locale.ROOT, "page-%03d.md", p)), sb.toString());
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path src : walk.toList()) {
                Path dst = to.resolve(from.relativize(src).toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.get(s.size() / 2);
    }
}
