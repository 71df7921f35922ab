package dev.mcd.site.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code mcd serve} in one object: build once, serve the output, rebuild on every change under
 * content/ and templates/ and tell open pages to reload, e.g.
 * {@code PreviewSession.start(project, tmpOut, 8000, rebuilder, System.out)}. A failing build
 * (even one that throws) is shown in the browser; the server keeps running.
 */
public final class PreviewSession implements AutoCloseable {
    private static final Duration QUIET = Duration.ofMillis(150);

    private final Rebuilder rebuilder;
    private final PrintStream log;
    private final PreviewServer server;
    private final SourceWatcher watcher;

    private PreviewSession(Path projectRoot, Path outputDir, int port, Rebuilder rebuilder, PrintStream log) throws IOException {
        this.rebuilder = rebuilder;
        this.log = log;
        this.server = PreviewServer.start(outputDir, port, true);
        try {
            rebuild(Set.of());
            this.watcher = new SourceWatcher(List.of(projectRoot.resolve("content"), projectRoot.resolve("templates")),
                    QUIET, this::rebuild).start();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public static PreviewSession start(Path projectRoot, Path outputDir, int port, Rebuilder rebuilder, PrintStream log)
            throws IOException {
        return new PreviewSession(projectRoot, outputDir, port, rebuilder, log);
    }

    public URI uri() {
        return server.uri();
    }

    PreviewServer server() {
        return server;
    }

    /** One build at a time: the watcher and the start-up build never overlap. */
    synchronized BuildOutcome rebuild(Set<Path> changed) {
        BuildOutcome outcome;
        try {
            outcome = rebuilder.rebuild(changed);
        } catch (RuntimeException | Error e) {
            // A bug in the pipeline must not take the preview down with it: show it instead.
            var trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            outcome = new BuildOutcome.Failed("internal error during the build\n" + trace);
        }
        switch (outcome) {
            case BuildOutcome.Built(String summary) -> log.println("built" + (summary.isEmpty() ? "" : ": " + summary));
            case BuildOutcome.Failed(String message) -> log.println("build failed:\n" + message);
        }
        server.published(outcome);
        return outcome;
    }

    @Override
    public void close() throws IOException {
        try {
            watcher.close();
        } finally {
            server.close();
        }
    }
}
