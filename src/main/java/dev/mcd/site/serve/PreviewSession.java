package dev.mcd.site.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * {@code mcd serve} in one object: build once, serve the output, rebuild on every change under
 * content/ and templates/ and tell open pages to reload, e.g.
 * {@code PreviewSession.start(project, tmpOut, 8000, rebuilder, System.out)}. A failing build
 * (even one that throws) is shown in the browser; the server keeps running. Each build goes to a
 * folder of its own ({@code tmpOut/gen-7}) that is never written again once served, and the
 * server switches to it whole; the one before stays for requests still reading it, older ones go.
 * When content/ disappears (renamed, deleted) the page says so until it comes back.
 */
public final class PreviewSession implements AutoCloseable {
    /**
     * How long the watcher waits for more events before building. An editor's save (write, or
     * write a temporary file and rename) lands within a few milliseconds, and an event after the
     * build started only brings one more build; 150 ms here was half of a prose edit's reload time.
     */
    private static final Duration QUIET = Duration.ofMillis(30);

    private final Rebuilder rebuilder;
    private final PrintStream log;
    private final Path projectRoot;
    private final Path outputDir;
    private final ArrayDeque<Path> served = new ArrayDeque<>();
    private int builds;
    private boolean contentMissing;
    private final PreviewServer server;
    private final SourceWatcher watcher;

    private PreviewSession(Path projectRoot, Path outputDir, int port, Rebuilder rebuilder, PrintStream log) throws IOException {
        this.rebuilder = rebuilder;
        this.log = log;
        this.projectRoot = projectRoot;
        this.outputDir = outputDir;
        this.server = PreviewServer.start(Files.createDirectories(outputDir.resolve("gen-0")), port, true);
        served.add(server.siteDir());
        try {
            rebuild(Set.of());
            this.watcher = new SourceWatcher(projectRoot, List.of("content", "templates", "mcd.yaml"),
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
        Path into = outputDir.resolve("gen-" + (++builds));
        BuildOutcome outcome;
        if (!Files.isDirectory(projectRoot.resolve("content"))) {
            contentMissing = true;
            outcome = new BuildOutcome.Failed("content/ has disappeared from " + projectRoot
                    + " (renamed or deleted?); the preview rebuilds as soon as it is back.");
        } else {
            if (contentMissing) {
                log.println("content/ is back: rebuilding");
                contentMissing = false;
            }
            outcome = build(changed, into);
        }
        switch (outcome) {
            case BuildOutcome.Built(String summary) -> log.println("built" + (summary.isEmpty() ? "" : ": " + summary));
            case BuildOutcome.Failed(String message) -> log.println("build failed:\n" + message);
        }
        if (outcome instanceof BuildOutcome.Built) {
            server.published(outcome, into);
            served.add(into);
            while (served.size() > 2) {
                deleteQuietly(served.removeFirst()); // the one before the previous: no request can still be on it
            }
        } else {
            server.published(outcome);
            deleteQuietly(into);
        }
        return outcome;
    }

    private BuildOutcome build(Set<Path> changed, Path into) {
        try {
            Files.createDirectories(into);
            return rebuilder.rebuild(changed, into);
        } catch (RuntimeException | Error | IOException e) {
            // A bug in the pipeline must not take the preview down with it: show it, in one line, instead.
            String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new BuildOutcome.Failed("internal error during the build: " + what);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder: whatever stays is removed with the session's folder at exit
        }
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
