package dev.mcd.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;

/**
 * The one way tests start {@code python3} with NumPy (the NumPy cross-checks, the differential
 * oracle, the exported module's check): {@link #requireNumpy} skips a test without it — except
 * under {@code CI=true}, where the cross-checks are required and it fails — then {@link #start}
 * runs a long-lived script and {@link #run} a short one, e.g.
 * {@code Python.requireNumpy("NumPy cross-check"); Process p = Python.start(SERVER, "mcd-numpy", Redirect.DISCARD);}.
 */
public final class Python {
    /** Why python3 with NumPy cannot run here, or "" when it can; asked once per test JVM. */
    private static String missing;

    private Python() {}

    /** What a finished run printed (stdout and stderr together) and its exit code; -1 when it did not finish. */
    public record Output(int exit, String text) {}

    /** Skips the calling test, or fails it under CI=true, when python3 cannot import numpy. */
    public static void requireNumpy(String what) {
        String why = missing();
        if (why.isEmpty()) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true requires python3 with NumPy for the " + what + ": " + why);
        }
        throw new TestAbortedException(what + " skipped: " + why);
    }

    private static synchronized String missing() {
        if (missing == null) {
            Output o = run(null, List.of("-c", "import numpy"), 60);
            missing = o.exit() == 0 ? "" : o.exit() == -1 ? "python3 did not answer: " + o.text().strip()
                    : "python3 cannot import numpy";
        }
        return missing;
    }

    /**
     * Starts {@code python3 -u} on the script (written to a temporary file named after {@code name}),
     * unbuffered so that each reply line arrives when it is printed; stderr goes where {@code stderr} says.
     */
    public static Process start(String script, String name, ProcessBuilder.Redirect stderr) {
        try {
            Path file = Files.createTempFile(name, ".py");
            file.toFile().deleteOnExit();
            Files.writeString(file, script);
            return new ProcessBuilder("python3", "-u", file.toString()).redirectError(stderr).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start python3", e);
        }
    }

    /** Runs {@code python3 ARGS} in {@code dir} (null: the current folder) for at most {@code seconds}. */
    public static Output run(Path dir, List<String> args, int seconds) {
        List<String> command = new ArrayList<>(List.of("python3"));
        command.addAll(args);
        try {
            // Output goes to a file, not a pipe: reading a pipe to its end would wait for a hung
            // script forever, and a pipe nobody reads would block a chatty one before it exits.
            Path log = Files.createTempFile("mcd-python", ".log");
            try {
                var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
                if (dir != null) {
                    builder.directory(dir.toFile());
                }
                Process p = builder.start();
                boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
                if (!done) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                String out = Files.readString(log, StandardCharsets.UTF_8);
                return done ? new Output(p.exitValue(), out) : new Output(-1, "timed out after " + seconds + " s\n" + out);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return new Output(-1, "no python3 on PATH: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Output(-1, "interrupted");
        }
    }
}
