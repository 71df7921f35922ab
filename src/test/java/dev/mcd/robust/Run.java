package dev.mcd.robust;

import dev.mcd.cli.Main;
import dev.mcd.cli.SharedServices;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One in-process run of the command line with its output captured, e.g.
 * {@code Run.of("build", "--root", dir).exit()}; {@link #stackTrace()} finds leaked Java traces.
 */
public record Run(int exit, String out, String err) {
    private static final Pattern TRACE = Pattern.compile(
            "(?m)^\\s+at [\\w.$/]+\\(|^Caused by:|\\b(?:java|javax|jdk|sun|org|com|dev)\\.[\\w.$]*(?:Exception|Error)\\b"
                    + "|\\b[A-Z]\\w*(?:Exception|Error)\\b");

    public static synchronized Run of(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
             var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            int code = Main.run(SharedServices.factory(), args);
            o.flush();
            e.flush();
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The first text that looks like a Java stack trace or exception class name, or null. */
    public String stackTrace() {
        var m = TRACE.matcher(out + "\n" + err);
        return m.find() ? m.group() : null;
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
