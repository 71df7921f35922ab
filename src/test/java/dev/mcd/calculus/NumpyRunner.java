package dev.mcd.calculus;

import dev.mcd.testkit.Python;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;

/**
 * One long-lived {@code python3} process that runs modules written by the NumPy printer: each
 * request is a JSON line (the module's source and the variables of some points), each reply the
 * values of {@code derivative(**v)} at those points. One process for all cases keeps the NumPy
 * import (about 0.1 s) out of every case. Example request:
 * {@code {"module": "...", "points": [{"x": [[1.0], [2.0]]}]}}.
 */
final class NumpyRunner implements AutoCloseable {
    private static final String SERVER = """
            import json, sys
            import numpy as np
            for line in sys.stdin:
                req = json.loads(line)
                try:
                    ns = {}
                    exec(req["module"], ns)
                    out = []
                    for v in req["points"]:
                        r = np.atleast_2d(np.asarray(ns["derivative"](**v), dtype=float))
                        out.append(" ".join([str(r.shape[0]), str(r.shape[1])] + [repr(float(x)) for x in r.flatten()]))
                    print("OK " + ";".join(out), flush=True)
                except Exception as e:
                    print("ERR " + type(e).__name__ + ": " + str(e).replace("\\n", " "), flush=True)
            """;

    private final Process process;
    private final Writer in;
    private final BufferedReader out;

    private NumpyRunner(Process process) {
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts the server, or aborts the calling test when python3 or NumPy is missing — except on
     * CI (env CI=true), where the cross-check is required and a missing NumPy fails ({@link Python}).
     */
    static NumpyRunner startOrSkip() {
        Python.requireNumpy("NumPy cross-check");
        return new NumpyRunner(Python.start(SERVER, "mcd-numpy-server", ProcessBuilder.Redirect.DISCARD));
    }

    /** The module's {@code derivative(**v)} at each of the points (given as JSON objects). */
    List<DMatrixRMaj> run(String module, List<String> pointsJson) {
        try {
            in.write("{\"module\": " + Json.string(module) + ", \"points\": [" + String.join(", ", pointsJson) + "]}\n");
            in.flush();
            String reply = out.readLine();
            if (reply == null) {
                throw new IllegalStateException("python3 exited");
            }
            if (!reply.startsWith("OK ")) {
                throw new AssertionError("the NumPy module failed: " + reply + "\n" + module);
            }
            List<DMatrixRMaj> values = new ArrayList<>();
            for (String one : reply.substring(3).split(";")) {
                String[] t = one.strip().split(" ");
                DMatrixRMaj m = new DMatrixRMaj(Integer.parseInt(t[0]), Integer.parseInt(t[1]));
                for (int i = 0; i < m.data.length; i++) {
                    m.data[i] = Double.parseDouble(t[i + 2]);
                }
                values.add(m);
            }
            return values;
        } catch (IOException e) {
            throw new IllegalStateException("talking to python3", e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // the process is gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroy();
        }
    }
}
