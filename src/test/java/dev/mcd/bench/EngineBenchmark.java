package dev.mcd.bench;

import dev.mcd.calculus.Derivation;
import dev.mcd.calculus.Deriver;
import dev.mcd.expr.Decls;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Parser;
import dev.mcd.verify.DerivationCheck;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Times the engine (derive, and derive + verify) on the tutorial's examples and every identity
 * case: median of warm runs after a warm-up, plus the first call in a fresh JVM (a child
 * {@code java} process) and in this one. Not a test (surefire excludes *Benchmark*); run with
 * {@code mvn -B -q -o -Pbench test-compile exec:java -Dbench.main=dev.mcd.bench.EngineBenchmark}.
 * Targets: under 5 ms median warm per case, under 1 s for the first call.
 */
public final class EngineBenchmark {
    private static final int WARMUP_ROUNDS = 3;
    private static final int MEASURED_RUNS = 11;
    private static final double TARGET_WARM_MS = 5;
    private static final double TARGET_FIRST_MS = 1000;

    /** One problem: derive {@code source} by {@code wrt}. */
    record Task(String label, String source, String wrt, String where) {
        Derivation derive() {
            Decls decls = where.isEmpty() ? Decls.empty() : Decls.parse(where);
            Expr f = Parser.parse(source, decls).expr();
            return Deriver.derive(f, new Expr.Var(wrt, decls.kindOf(wrt)));
        }

        void deriveAndVerify() {
            DerivationCheck.check(derive());
        }
    }

    static final List<Task> EXAMPLES = List.of(
            new Task("example 1", "x'*x", "x", "x: vector"),
            new Task("example 2", "norm2(W*x + b)^2", "W", "W: matrix, x: vector, b: vector"),
            new Task("example 3", "log(det(X))", "X", "X: matrix"),
            new Task("example 4", "tr(A*X*B)", "X", "A: matrix, X: matrix, B: matrix"),
            new Task("example 5, W_2", "l(W_2*sigma(W_1*x))", "W_2", "l: scalar function, sigma: elementwise function, W_1: matrix, W_2: matrix, x: vector"),
            new Task("example 5, W_1", "l(W_2*sigma(W_1*x))", "W_1", "l: scalar function, sigma: elementwise function, W_1: matrix, W_2: matrix, x: vector"));

    private EngineBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--first")) {
            firstCall();
            return;
        }
        long start = System.nanoTime();
        EXAMPLES.getFirst().deriveAndVerify();
        double inProcess = ms(System.nanoTime() - start);
        List<Task> cases = identityCases();
        double[] fresh = freshJvm(3);

        System.out.println("# Engine benchmark (" + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores)");
        System.out.println();
        System.out.printf(Locale.ROOT, "first derive+verify in a fresh JVM (example 1, median of %d child processes): %.0f ms call, %.0f ms from JVM start%n",
                3, fresh[0], fresh[1]);
        System.out.printf(Locale.ROOT, "first derive+verify in this JVM (example 1): %.0f ms%n", inProcess);
        System.out.println();

        List<Task> all = new ArrayList<>(EXAMPLES);
        all.addAll(cases);
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            for (Task t : all) {
                t.deriveAndVerify();
            }
        }
        System.out.printf(Locale.ROOT, "%-70s %10s %14s%n", "warm, median of " + MEASURED_RUNS + " runs", "derive ms", "+verify ms");
        List<Double> caseMedians = new ArrayList<>();
        List<Double> caseDeriveMedians = new ArrayList<>();
        int over = 0;
        for (Task t : all) {
            double derive = median(t::derive);
            double both = median(t::deriveAndVerify);
            System.out.printf(Locale.ROOT, "%-70s %10.3f %14.3f%s%n", abbreviate(t.label() + ": " + t.source() + " by " + t.wrt()),
                    derive, both, both > TARGET_WARM_MS ? "  over target" : "");
            if (!EXAMPLES.contains(t)) {
                caseMedians.add(both);
                caseDeriveMedians.add(derive);
            }
            if (both > TARGET_WARM_MS) {
                over++;
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "identity cases: %d; median of medians: derive %.3f ms, derive+verify %.3f ms; slowest derive+verify %.3f ms%n",
                caseMedians.size(), medianOf(caseDeriveMedians), medianOf(caseMedians),
                caseMedians.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        System.out.printf(Locale.ROOT, "tasks over the %.0f ms warm target: %d of %d; first call target %.0f ms: %s%n",
                TARGET_WARM_MS, over, all.size(), TARGET_FIRST_MS, fresh[0] < TARGET_FIRST_MS ? "met" : "missed");
    }

    /** Child-process mode: one derive+verify, then the times on one line for the parent. */
    private static void firstCall() {
        long start = System.nanoTime();
        EXAMPLES.getFirst().deriveAndVerify();
        double call = ms(System.nanoTime() - start);
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf(Locale.ROOT, "%.3f %d%n", call, sinceStart);
    }

    /** Medians over {@code runs} child JVMs of {call ms, ms from JVM start to the end of the call}. */
    private static double[] freshJvm(int runs) throws IOException, InterruptedException, URISyntaxException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> calls = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Process p = new ProcessBuilder(java, "-cp", classPath(), EngineBenchmark.class.getName(), "--first")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("the child JVM failed: " + out);
            }
            String[] parts = out.split(" ");
            calls.add(Double.parseDouble(parts[0]));
            totals.add(Double.parseDouble(parts[1]));
        }
        return new double[] {medianOf(calls), medianOf(totals)};
    }

    /** The class path this class was loaded from: exec:java loads it through a URLClassLoader. */
    private static String classPath() throws URISyntaxException {
        if (EngineBenchmark.class.getClassLoader() instanceof URLClassLoader u && u.getURLs().length > 0) {
            List<String> parts = new ArrayList<>();
            for (URL url : u.getURLs()) {
                parts.add(Path.of(url.toURI()).toString());
            }
            return String.join(File.pathSeparator, parts);
        }
        return System.getProperty("java.class.path");
    }

    private static List<Task> identityCases() throws IOException {
        List<Task> out = new ArrayList<>();
        try (InputStream in = EngineBenchmark.class.getResourceAsStream("/calculus/identity-cases.txt")) {
            if (in == null) {
                throw new IllegalStateException("missing calculus/identity-cases.txt on the class path (run test-compile)");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String s = lines[i].strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                String[] f = s.split("\\|", -1);
                out.add(new Task("case line " + (i + 1), f[0].strip(), f[1].strip(), f[2].strip()));
            }
        }
        return out;
    }

    private static double median(Runnable r) {
        double[] t = new double[MEASURED_RUNS];
        for (int i = 0; i < t.length; i++) {
            long s = System.nanoTime();
            r.run();
            t[i] = ms(System.nanoTime() - s);
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }

    private static double medianOf(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length == 0 ? 0 : a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String abbreviate(String s) {
        return s.length() <= 70 ? s : s.substring(0, 67) + "...";
    }
}
