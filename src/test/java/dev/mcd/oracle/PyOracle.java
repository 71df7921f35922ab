package dev.mcd.oracle;

import dev.mcd.testkit.Python;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One long-lived {@code python3} running {@code oracle/oracle.py} for every case of a run: requests
 * are written as JSON lines while the engine derives the next cases, and a reader thread completes
 * each request's future from the reply with its id. Without python3 and NumPy the test is skipped,
 * except under CI (env {@code CI=true}), where that is a failure ({@link Python#requireNumpy}).
 */
final class PyOracle implements AutoCloseable {
    /** The oracle's verdict on one exported derivative: right, wrong or skip (the oracle could not tell). */
    record Reply(String status, String detail) {}

    private final Process process;
    private final Writer in;
    private final Map<Integer, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
    private final Thread reader;
    private final StringBuilder stderr = new StringBuilder();

    private PyOracle(Process process) {
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.reader = Thread.ofPlatform().daemon().name("oracle-reader").start(() -> read(out));
        Thread.ofPlatform().daemon().name("oracle-stderr").start(() -> drain(process.getErrorStream()));
    }

    static PyOracle startOrSkip() {
        Python.requireNumpy("differential test");
        try (InputStream script = PyOracle.class.getResourceAsStream("/oracle/oracle.py")) {
            if (script == null) {
                throw new IllegalStateException("oracle/oracle.py is not on the test class path");
            }
            String text = new String(script.readAllBytes(), StandardCharsets.UTF_8);
            return new PyOracle(Python.start(text, "mcd-oracle", ProcessBuilder.Redirect.PIPE));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read oracle/oracle.py", e);
        }
    }

    /** Sends the case; the future completes when the oracle has checked mcd's module. */
    CompletableFuture<Reply> submit(int id, Gen.Case c, String module, long seed, boolean full) {
        return submit(id, c, module, seed, full, null);
    }

    /**
     * As above, where mcd read its answer off with another form than the case's: the vec form
     * (J = ∂vec F/∂(vec X)ᵀ) instead of tr(G dX) when G would need the inverse of vec. The oracle
     * then checks J's shape and d vec F = J d vec X itself.
     */
    CompletableFuture<Reply> submit(int id, Gen.Case c, String module, long seed, boolean full, String mcdForm) {
        CompletableFuture<Reply> future = new CompletableFuture<>();
        pending.put(id, future);
        Map<String, Node> used = c.used();
        StringBuilder vars = new StringBuilder("{");
        Map<String, Node> sorted = new TreeMap<>(used);
        sorted.forEach((name, v) -> vars.append(vars.length() > 1 ? ", " : "").append(json(name))
                .append(": [").append(v.rows()).append(", ").append(v.cols()).append(']'));
        vars.append('}');
        String line = "{\"id\": " + id + ", \"f\": " + json(c.f().numpy()) + ", \"module\": " + json(module)
                + ", \"vars\": " + vars + ", \"wrt\": " + json(c.wrt().text()) + ", \"form\": " + json(c.form().name())
                + ", \"out\": [" + c.f().rows() + ", " + c.f().cols() + "], \"seed\": " + seed
                + ", \"full\": " + full + (mcdForm == null ? "" : ", \"mcd_form\": " + json(mcdForm)) + "}\n";
        try {
            synchronized (in) {
                in.write(line);
                in.flush();
            }
        } catch (IOException e) {
            pending.remove(id);
            future.completeExceptionally(new IllegalStateException("python3 is gone: " + stderr, e));
        }
        return future;
    }

    private void read(BufferedReader out) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                String[] parts = line.split("\t", 3);
                CompletableFuture<Reply> f = pending.remove(Integer.parseInt(parts[0]));
                if (f != null) {
                    f.complete(new Reply(parts[1], parts.length > 2 ? parts[2] : ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through: fail whatever is still waiting
        }
        IllegalStateException gone = new IllegalStateException("python3 exited: " + stderr);
        pending.values().forEach(f -> f.completeExceptionally(gone));
    }

    private void drain(InputStream err) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (stderr) {
                    if (stderr.length() < 4000) {
                        stderr.append(line).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20 || ch > 0x7e) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    @Override
    public void close() {
        try {
            in.close();
            process.waitFor(10, TimeUnit.SECONDS);
            reader.join(1000);
        } catch (IOException e) {
            // already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroy();
        }
    }
}
