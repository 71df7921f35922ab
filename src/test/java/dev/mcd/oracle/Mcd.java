package dev.mcd.oracle;

import dev.mcd.calculus.UnsupportedException;
import dev.mcd.calculus.Derivation;
import dev.mcd.expr.Dim;
import dev.mcd.expr.Expr;
import dev.mcd.expr.ExprException;
import dev.mcd.expr.Shape;
import dev.mcd.expr.ShapeChecker;
import dev.mcd.expr.TextPrinter;
import dev.mcd.print.NumpyModule;
import dev.mcd.verify.VerificationException;
import dev.mcd.verify.VerifiedDerive;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * mcd as {@code mcd derive --format numpy} runs it: {@link VerifiedDerive#run} (parse, shapes,
 * derive, verify), then the NumPy export that the CLI, the site and derive.html share
 * ({@link NumpyModule}). Each case runs on a worker
 * thread with a time limit; a worker stuck past it is abandoned (daemon) and replaced.
 */
final class Mcd implements AutoCloseable {
    enum Kind { ACCEPTED, REFUSED, CRASH, TIMEOUT }

    /**
     * What mcd did: accepted (with the exported module and the derivative's text), refused, crashed
     * or timed out; {@code nanos} is the worker's CPU time (wall time where the JVM cannot tell).
     */
    record Outcome(Kind kind, String module, String result, String message, long nanos, Derivation derivation) {
        Outcome(Kind kind, String module, String result, String message, long nanos) {
            this(kind, module, result, message, nanos, null);
        }
    }

    /**
     * For the report only (the verdict is the oracle's): whether mcd's accepted result is ill-shaped
     * at the case's concrete sizes, beside a witness of the derivative's shape as the CLI's export
     * uses; null when it is well-shaped.
     */
    static String shapeProblem(Gen.Case c, Derivation d) {
        if (d == null) {
            return null;
        }
        try {
            Map<String, Shape> fixed = new TreeMap<>();
            c.used().forEach((name, v) -> fixed.put(name, new Shape(new Dim.Fixed(v.rows()), new Dim.Fixed(v.cols()))));
            Expr witness = switch (c.form()) {
                case SCALAR_BY_SCALAR, VECTOR_BY_SCALAR, MATRIX_BY_SCALAR -> d.function();
                case SCALAR_BY_VECTOR, SCALAR_BY_MATRIX -> new Expr.Transpose(d.wrt());
                case VECTOR_BY_VECTOR -> new Expr.Mul(List.of(d.function(), new Expr.Transpose(d.wrt())));
            };
            ShapeChecker.check(new Expr.Add(List.of(d.result(), witness)), fixed);
            return null;
        } catch (ExprException e) {
            return e.reason();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private final long limitMillis;
    private ExecutorService worker = newWorker();

    Mcd(long limitMillis) {
        this.limitMillis = limitMillis;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "mcd-derive", 64L << 20);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Derives the case on the worker. The limit is on the worker's CPU time (so that a loaded
     * machine does not turn slow cases into timeouts), with wall time capped at fifteen times it.
     */
    Outcome run(Gen.Case c) {
        String expr = c.f().mcd();
        String wrt = c.wrt().text();
        String where = c.where();
        long start = System.nanoTime();
        AtomicLong cpuStart = new AtomicLong(-1);
        AtomicReference<Thread> thread = new AtomicReference<>();
        Future<Outcome> f = worker.submit(() -> {
            cpuStart.set(cpuTime(Thread.currentThread()));
            thread.set(Thread.currentThread());
            Outcome o = derive(expr, wrt, where, start);
            long cpu = cpuTime(Thread.currentThread()) - cpuStart.get();
            return new Outcome(o.kind(), o.module(), o.result(), o.message(), cpuStart.get() < 0 ? o.nanos() : cpu, o.derivation());
        });
        try {
            while (true) {
                try {
                    return f.get(25, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    long wall = System.nanoTime() - start;
                    Thread t = thread.get();
                    long cpu = t == null || cpuStart.get() < 0 ? wall : cpuTime(t) - cpuStart.get();
                    if (cpu > limitMillis * 1_000_000L || wall > 15 * limitMillis * 1_000_000L) {
                        f.cancel(true);
                        worker.shutdownNow();
                        worker = newWorker();
                        return new Outcome(Kind.TIMEOUT, null, null, String.format(java.util.Locale.ROOT,
                                "no answer after %.1f s of CPU time (%.1f s wall)", cpu / 1e9, wall / 1e9), wall);
                    }
                }
            }
        } catch (ExecutionException e) {
            return new Outcome(Kind.CRASH, null, null, stack(e.getCause()), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static long cpuTime(Thread t) {
        if (!THREADS.isThreadCpuTimeSupported()) {
            return -1;
        }
        long ns = THREADS.getThreadCpuTime(t.threadId());
        return ns;
    }

    private static Outcome derive(String expr, String wrt, String where, long start) {
        try {
            VerifiedDerive.Result r;
            try {
                r = VerifiedDerive.run(expr, wrt, where, "");
            } catch (VerifiedDerive.RequestException e) {
                return refused(e.error().reason(), start);
            } catch (UnsupportedException | VerificationException e) {
                return refused(e.getMessage(), start);
            } catch (ExprException e) {
                return refused(e.reason(), start);
            }
            String result = TextPrinter.print(r.derivation().result());
            String module;
            try {
                module = NumpyModule.of(r.derivation(), r.shapes().variables());
            } catch (IllegalArgumentException iae) {
                // the CLI prints this message and exits 2: a clean refusal of the export
                return refused("NumPy export: " + iae.getMessage(), start);
            } catch (RuntimeException e) {
                return new Outcome(Kind.CRASH, null, result, "in the NumPy export: " + stack(e), System.nanoTime() - start);
            }
            return new Outcome(Kind.ACCEPTED, module, result, null, System.nanoTime() - start, r.derivation());
        } catch (Throwable t) { // StackOverflowError, OutOfMemoryError, any RuntimeException: a crash
            return new Outcome(Kind.CRASH, null, null, stack(t), System.nanoTime() - start);
        }
    }

    private static Outcome refused(String message, long start) {
        return new Outcome(Kind.REFUSED, null, null, message, System.nanoTime() - start);
    }

    static String stack(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String[] lines = w.toString().split("\n");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, 8); i++) {
            b.append(lines[i].strip()).append(i == 0 ? "" : "").append(i + 1 < Math.min(lines.length, 8) ? " | " : "");
        }
        return b.toString();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
