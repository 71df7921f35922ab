package dev.mcd.oracle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A differential test of the whole engine against an oracle that shares no code with mcd's
 * verifier. {@link Gen} writes random well-shaped expressions over every operator and function
 * of the language with concrete, mostly non-square sizes, each with its own NumPy definition;
 * mcd derives and verifies each one as {@code mcd derive --format numpy} does, and whenever it
 * accepts, {@code oracle/oracle.py} (one python3 process for the whole run) compares the exported
 * derivative with complex-step derivatives of the generator's NumPy function along random
 * directions (confirmed by central differences before anything counts as wrong).
 *
 * <p>Outcomes: accepted-right, accepted-wrong (a wrong derivative under a "verified" mark),
 * refused (a clean ExprException, UnsupportedException, VerificationException or export
 * refusal), crash (any other throwable), timeout (over {@value #LIMIT_MS} ms). Failures are shrunk
 * to minimal {@code ./mcd derive} command lines; the summary goes to stdout and
 * {@code target/differential-report.md}.
 *
 * <p>Run: {@code mvn -B -q test -Dtest=DifferentialTest -Dsurefire.failIfNoSpecifiedTests=false},
 * with {@code -Doracle.cases=N} and {@code -Doracle.seed=S} to change the run.
 */
class DifferentialTest {
    static final int CASES = Integer.getInteger("oracle.cases", 10_000);
    static final long SEED = Long.getLong("oracle.seed", 20261202L);
    static final long LIMIT_MS = 2000;
    /** Cases derived in parallel (the engine is thread-safe: the site builds pages in parallel). */
    static final int LANES = Integer.getInteger("oracle.threads", 2);
    /**
     * Refusals allowed, as a share of all cases. Measured on the engine of 2026-12-02 (f2fee8f):
     * 18.0% with the default seed (over half "no rule brings the term ... to the form", then
     * d(elempow) and d(pow) with a variable exponent, unfinished identifications of vec). The
     * bound leaves room for seeds and for today's 2.7% of wrong answers, which a sound verifier
     * may turn into refusals; not for new gaps. After unvec (and the generator's unvec and a'(P ⊗ Q)b
     * cases): 12.4%, 0 wrong, unvec in 255 cases of which 207 accepted right.
     */
    static final double MAX_REFUSED_SHARE = 0.22;
    /** Cases where the oracle itself could not decide (no finite point found): must stay rare. */
    static final double MAX_SKIPPED_SHARE = 0.01;
    private static final int MAX_SHRUNK = Integer.getInteger("oracle.shrink", 25);
    private static final long SHRINK_BUDGET_MS = 1000L * Integer.getInteger("oracle.shrinkSeconds", 20);

    enum Verdict { RIGHT, WRONG, REFUSED, CRASH, TIMEOUT, SKIPPED }

    /** One case's verdict, with what mcd said and the oracle's detail. */
    record Result(Gen.Case c, Verdict verdict, Mcd.Outcome mcd, String detail) {
        String category() {
            return switch (verdict) {
                case WRONG -> Mcd.shapeProblem(c, mcd.derivation()) != null ? "wrong-illshaped"
                        : detail.startsWith("export:") ? "wrong-export" : detail.startsWith("shape:") ? "wrong-shape"
                        : detail.startsWith("mcd's derivative is not finite") ? "wrong-nonfinite" : "wrong-value";
                case CRASH -> "crash " + detail.split("[:|]", 2)[0].strip();
                default -> verdict.name();
            };
        }
    }

    @Test
    void everyAcceptedDerivativeIsRight() throws Exception {
        long wallStart = System.nanoTime();
        List<Result> results = new ArrayList<>();
        Map<String, Integer> refusals = new TreeMap<>();
        Map<String, Gen.Case> refusalExample = new TreeMap<>();
        Map<Node.Op, int[]> coverage = new EnumMap<>(Node.Op.class);
        List<Long> mcdNanos = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        List<Mcd> engines = new ArrayList<>();
        java.util.concurrent.atomic.AtomicLong generating = new java.util.concurrent.atomic.AtomicLong();
        try (PyOracle oracle = PyOracle.startOrSkip()) {
            for (int lane = 0; lane < LANES; lane++) {
                engines.add(new Mcd(LIMIT_MS));
            }
            Mcd mcd = engines.getFirst();
            List<Gen.Case> cases = new ArrayList<>(java.util.Collections.nCopies(CASES, null));
            List<Mcd.Outcome> outcomes = new ArrayList<>(java.util.Collections.nCopies(CASES, null));
            Map<Integer, CompletableFuture<PyOracle.Reply>> replies = new java.util.concurrent.ConcurrentHashMap<>();
            // Lanes derive interleaved cases in parallel; each case depends only on its seed and index.
            try (var lanes = java.util.concurrent.Executors.newFixedThreadPool(LANES)) {
                List<java.util.concurrent.Future<?>> done = new ArrayList<>();
                for (int lane = 0; lane < LANES; lane++) {
                    int first = lane;
                    Mcd engine = engines.get(lane);
                    done.add(lanes.submit(() -> {
                        Gen gen = new Gen();
                        for (int i = first; i < CASES; i += LANES) {
                            long g0 = System.nanoTime();
                            Gen.Case c = gen.generate(SEED, i);
                            generating.addAndGet(System.nanoTime() - g0);
                            Mcd.Outcome o = engine.run(c);
                            synchronized (cases) {
                                cases.set(i, c);
                                outcomes.set(i, o);
                            }
                            if (o.kind() == Mcd.Kind.ACCEPTED) {
                                replies.put(i, oracle.submit(i, c, o.module(), pointSeed(i), true, vecForm(o)));
                            }
                        }
                    }));
                }
                for (var f : done) {
                    f.get();
                }
            }
            for (Mcd.Outcome o : outcomes) {
                mcdNanos.add(o.nanos());
            }
            long derivedAt = System.nanoTime();
            for (int i = 0; i < CASES; i++) {
                Gen.Case c = cases.get(i);
                Mcd.Outcome o = outcomes.get(i);
                Result r = switch (o.kind()) {
                    case REFUSED -> new Result(c, Verdict.REFUSED, o, o.message());
                    case CRASH -> new Result(c, Verdict.CRASH, o, o.message());
                    case TIMEOUT -> new Result(c, Verdict.TIMEOUT, o, o.message());
                    case ACCEPTED -> {
                        PyOracle.Reply reply = replies.get(i).get(120, TimeUnit.SECONDS);
                        yield new Result(c, switch (reply.status()) {
                            case "right" -> Verdict.RIGHT;
                            case "wrong" -> Verdict.WRONG;
                            default -> Verdict.SKIPPED;
                        }, o, reply.detail());
                    }
                };
                results.add(r);
                if (r.verdict() == Verdict.REFUSED) {
                    refusals.merge(normalize(r.detail()), 1, Integer::sum);
                    refusalExample.merge(normalize(r.detail()), c, (a, b) -> a.f().size() <= b.f().size() ? a : b);
                }
                countOps(c.f(), r.verdict(), coverage, new java.util.HashSet<>());
            }
            long checkedAt = System.nanoTime();

            Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
            for (Verdict v : Verdict.values()) {
                counts.put(v, 0);
            }
            results.forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
            double refusedShare = counts.get(Verdict.REFUSED) / (double) CASES;
            double skippedShare = counts.get(Verdict.SKIPPED) / (double) CASES;

            report.append("# Differential test: mcd against an independent NumPy oracle\n\n");
            report.append(String.format(Locale.ROOT, "seed %d, %d cases: %d accepted right, %d accepted WRONG, %d refused (%.1f%%, bound %.0f%%),"
                            + " %d crashes, %d timeouts, %d undecided by the oracle%n",
                    SEED, CASES, counts.get(Verdict.RIGHT), counts.get(Verdict.WRONG), counts.get(Verdict.REFUSED),
                    100 * refusedShare, 100 * MAX_REFUSED_SHARE, counts.get(Verdict.CRASH), counts.get(Verdict.TIMEOUT),
                    counts.get(Verdict.SKIPPED)));
            List<Long> sorted = new ArrayList<>(mcdNanos);
            sorted.sort(null);
            report.append(String.format(Locale.ROOT, "mcd CPU time per case: median %.2f ms, p99 %.1f ms, max %.0f ms, total %.1f s; generating %.1f s; derive loop %.1f s wall, oracle wait %.1f s%n",
                    sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6, sorted.getLast() / 1e6,
                    sorted.stream().mapToLong(Long::longValue).sum() / 1e9, generating.get() / 1e9, (derivedAt - wallStart) / 1e9, (checkedAt - derivedAt) / 1e9));

            int[] bucketN = new int[5];
            long[] bucketT = new long[5];
            for (int i = 0; i < CASES; i++) {
                int b = Math.min(4, cases.get(i).f().size() / 10);
                bucketN[b]++;
                bucketT[b] += mcdNanos.get(i);
            }
            report.append("mcd CPU time by expression size (nodes): ");
            for (int b = 0; b < 5; b++) {
                report.append(String.format(Locale.ROOT, "%d-%d: %d cases, %.1f s;  ", b * 10, b * 10 + 9, bucketN[b], bucketT[b] / 1e9));
            }
            report.append("\nslowest cases:\n");
            java.util.stream.IntStream.range(0, CASES).boxed().sorted((a, b) -> Long.compare(mcdNanos.get(b), mcdNanos.get(a))).limit(5)
                    .forEach(i -> report.append(String.format(Locale.ROOT, "- %.0f ms  `%s`%n", mcdNanos.get(i) / 1e6, cases.get(i).command())));
            report.append("\n## Top refusal messages (normalized)\n\n");
            refusals.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                    .forEach(e -> report.append(String.format(Locale.ROOT, "- %5d  %s%n         e.g. `%s`%n",
                            e.getValue(), e.getKey(), refusalExample.get(e.getKey()).command())));

            report.append("\n## Coverage: cases containing each operator (accepted right / all)\n\n");
            StringBuilder cov = new StringBuilder();
            coverage.forEach((op, n) -> cov.append(op.name().toLowerCase(Locale.ROOT)).append(' ').append(n[1]).append('/').append(n[0]).append("  "));
            report.append(cov.toString().strip()).append('\n');
            Map<Gen.Form, int[]> forms = new EnumMap<>(Gen.Form.class);
            results.forEach(r -> {
                int[] n = forms.computeIfAbsent(r.c().form(), k -> new int[2]);
                n[0]++;
                if (r.verdict() == Verdict.RIGHT) {
                    n[1]++;
                }
            });
            StringBuilder fs = new StringBuilder();
            forms.forEach((f, n) -> fs.append(f.name().toLowerCase(Locale.ROOT)).append(' ').append(n[1]).append('/').append(n[0]).append("  "));
            report.append(fs.toString().strip()).append('\n');

            List<Result> failures = results.stream()
                    .filter(r -> r.verdict() == Verdict.WRONG || r.verdict() == Verdict.CRASH || r.verdict() == Verdict.TIMEOUT)
                    .toList();
            if (!failures.isEmpty()) {
                report.append("\n## Failures, shrunk (").append(failures.size()).append(" failing cases)\n");
                shrinkAll(failures, oracle, mcd, report);
            }
            List<Result> skipped = results.stream().filter(r -> r.verdict() == Verdict.SKIPPED).limit(5).toList();
            if (!skipped.isEmpty()) {
                report.append("\n## Undecided by the oracle (first ").append(skipped.size()).append(")\n\n");
                skipped.forEach(r -> report.append("- ").append(r.c().command()).append("\n  ").append(r.detail()).append('\n'));
            }
            report.append(String.format(Locale.ROOT, "%nwall time %.1f s%n", (System.nanoTime() - wallStart) / 1e9));
            System.out.println(report);
            writeReport(report.toString());

            assertTrue(counts.get(Verdict.WRONG) == 0 && counts.get(Verdict.CRASH) == 0 && counts.get(Verdict.TIMEOUT) == 0,
                    () -> "mcd answered wrong, crashed or timed out (see the report above and target/differential-report.md)");
            assertTrue(refusedShare <= MAX_REFUSED_SHARE, () -> String.format(Locale.ROOT,
                    "mcd refused %.1f%% of the cases, more than the bound of %.0f%%", 100 * refusedShare, 100 * MAX_REFUSED_SHARE));
            assertTrue(skippedShare <= MAX_SKIPPED_SHARE, () -> String.format(Locale.ROOT,
                    "the oracle could not decide %.1f%% of the cases", 100 * skippedShare));
        } finally {
            engines.forEach(Mcd::close);
        }
    }

    /** The oracle itself: hand-written derivatives, right and wrong, of x'*A*x by x and tr(A*X) by X (A 2×3). */
    @Test
    void oracleTellsRightFromWrong() throws Exception {
        Node x = Node.var("x", 3, 1);
        Node a3 = Node.var("A", 3, 3);
        Node a = Node.var("A", 2, 3);
        Node bigX = Node.var("X", 3, 2);
        Gen.Case quadratic = new Gen.Case(0, Node.mul(Node.t(x), a3, x), x, Map.of(), Gen.Form.SCALAR_BY_VECTOR);
        Gen.Case trace = new Gen.Case(1, Node.of(Node.Op.TR, 1, 1, Node.mul(a, bigX)), bigX, Map.of(), Gen.Form.SCALAR_BY_MATRIX);
        String header = "import numpy as np\n\ndef derivative(**v):\n";
        String readX = "    x = np.asarray(v['x'], dtype=float).reshape(-1, 1)\n    A = np.asarray(v['A'], dtype=float)\n";
        String readA = "    A = np.asarray(v['A'], dtype=float)\n";
        try (PyOracle oracle = PyOracle.startOrSkip()) {
            record Check(Gen.Case c, String body, String status, String detailStart) {}
            List<Check> checks = List.of(
                    new Check(quadratic, readX + "    return x.T @ (A + A.T)\n", "right", ""),
                    new Check(quadratic, readX + "    return x.T @ A\n", "wrong", "along a random dx"),
                    new Check(quadratic, readX + "    return (A + A.T) @ x\n", "wrong", "shape:"),
                    new Check(quadratic, readX + "    return x.T @ (A + A.T) @ np.ones((2, 2))\n", "wrong", "export:"),
                    new Check(trace, readA + "    return A\n", "right", ""),
                    new Check(trace, readA + "    return A.T\n", "wrong", "shape:"),
                    new Check(trace, readA + "    return 1.0001 * A\n", "wrong", "along a random dX"),
                    new Check(trace, readA + "    return 1.000003 * A\n", "skip", "oracle: mcd"));
            for (int i = 0; i < checks.size(); i++) {
                Check ch = checks.get(i);
                PyOracle.Reply r = oracle.submit(i, ch.c(), header + ch.body(), 42 + i, true).get(60, TimeUnit.SECONDS);
                assertTrue(r.status().equals(ch.status()) && r.detail().startsWith(ch.detailStart()),
                        () -> ch.body().strip() + " for " + ch.c().f().mcd() + ": expected " + ch.status() + ", the oracle said "
                                + r.status() + ": " + r.detail());
            }
        }
    }

    private static long pointSeed(int i) {
        return SEED * 7919L + i;
    }

    /**
     * Shrinks failures, taking the categories in turn so that a rare one is not starved by a
     * common one, renames each shrunk case canonically, groups equal reproducers and appends them
     * to the report.
     */
    private static void shrinkAll(List<Result> failures, PyOracle oracle, Mcd mcd, StringBuilder report) {
        long deadline = System.nanoTime() + SHRINK_BUDGET_MS * 1_000_000L;
        Map<String, java.util.ArrayDeque<Result>> byCategory = new TreeMap<>();
        failures.forEach(r -> byCategory.computeIfAbsent(r.category(), k -> new java.util.ArrayDeque<>()).add(r));
        List<Result> order = new ArrayList<>();
        while (order.size() < failures.size()) {
            byCategory.values().forEach(q -> {
                if (!q.isEmpty()) {
                    order.add(q.poll());
                }
            });
        }
        Map<String, List<Result>> shrunk = new LinkedHashMap<>();
        int done = 0;
        int[] ids = {1_000_000};
        for (Result r : order) {
            if (done >= MAX_SHRUNK || System.nanoTime() > deadline) {
                break;
            }
            done++;
            String category = r.category();
            Result small = r;
            if (r.verdict() != Verdict.TIMEOUT) {
                Result[] last = {r};
                long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000L);
                Shrinker s = new Shrinker(c -> {
                    Result again = check(c, oracle, mcd, ids[0]++);
                    if (again.verdict() == r.verdict() && again.category().equals(category)) {
                        last[0] = again;
                        return true;
                    }
                    return false;
                }, Math.min(left, 4000), 300);
                Gen.Case min = s.shrink(r.c());
                small = min == r.c() ? r : last[0];
                Gen.Case named = small.c().canonical();
                Result again = check(named, oracle, mcd, ids[0]++);
                if (again.verdict() == r.verdict() && again.category().equals(category)) {
                    small = again;
                }
            }
            shrunk.computeIfAbsent(small.category() + " " + small.c().command(), k -> new ArrayList<>()).add(small);
        }
        shrunk.values().stream().sorted(Comparator.comparing((List<Result> rs) -> rs.getFirst().category()))
                .forEach(rs -> {
                    Result r = rs.getFirst();
                    report.append("\n- ").append(r.category()).append(rs.size() > 1 ? " (" + rs.size() + " failing cases shrink to this)" : "")
                            .append("\n  `").append(r.c().command()).append("`\n  sizes: ").append(r.c().sizes());
                    if (r.mcd().result() != null) {
                        report.append("\n  mcd: d/d").append(r.c().wrt().text()).append(" = ").append(r.mcd().result()).append(" (verified)");
                        String problem = Mcd.shapeProblem(r.c(), r.mcd().derivation());
                        if (problem != null) {
                            report.append("\n  mcd's result is ill-shaped at these sizes: ").append(problem);
                        }
                    }
                    report.append("\n  ").append(r.detail()).append('\n');
                });
        if (done < failures.size()) {
            report.append("\n(").append(failures.size() - done).append(" more failing cases not shrunk)\n");
        }
    }

    /** One case again, synchronously: used by the shrinker. */
    private static Result check(Gen.Case c, PyOracle oracle, Mcd mcd, int id) {
        Mcd.Outcome o = mcd.run(c);
        return switch (o.kind()) {
            case REFUSED -> new Result(c, Verdict.REFUSED, o, o.message());
            case CRASH -> new Result(c, Verdict.CRASH, o, o.message());
            case TIMEOUT -> new Result(c, Verdict.TIMEOUT, o, o.message());
            case ACCEPTED -> {
                try {
                    PyOracle.Reply reply = oracle.submit(id, c, o.module(), pointSeed(c.index()), true, vecForm(o)).get(60, TimeUnit.SECONDS);
                    yield new Result(c, reply.status().equals("wrong") ? Verdict.WRONG
                            : reply.status().equals("right") ? Verdict.RIGHT : Verdict.SKIPPED, o, reply.detail());
                } catch (Exception e) {
                    yield new Result(c, Verdict.SKIPPED, o, e.toString());
                }
            }
        };
    }

    private static void countOps(Node n, Verdict v, Map<Node.Op, int[]> coverage, java.util.Set<Node.Op> seen) {
        if (seen.add(n.op())) {
            int[] c = coverage.computeIfAbsent(n.op(), k -> new int[2]);
            c[0]++;
            if (v == Verdict.RIGHT) {
                c[1]++;
            }
        }
        n.kids().forEach(k -> countOps(k, v, coverage, seen));
    }

    /** A refusal message without its numbers and expressions, so that equal causes count together. */
    static String normalize(String message) {
        String s = message.split("\n", 2)[0];
        s = s.replaceAll("(the term ).*( to the form)", "$1…$2");
        s = s.replaceAll("-?\\d+(\\.\\d+)?(e-?\\d+)?", "#");
        return s.length() > 140 ? s.substring(0, 140) + "…" : s;
    }

    private static void writeReport(String text) {
        try {
            Path dir = Path.of("target");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("differential-report.md"), text);
        } catch (IOException e) {
            // the report is also on stdout
        }
    }


    /** "VEC" when mcd read the derivative off in the vec form (eq. 28), else null: the oracle checks that form then. */
    static String vecForm(Mcd.Outcome o) {
        return o.derivation() != null && o.derivation().form() == dev.mcd.calculus.Form.VEC ? "VEC" : null;
    }
}
