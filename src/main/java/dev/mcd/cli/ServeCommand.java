package dev.mcd.cli;

import dev.mcd.site.serve.PreviewSession;
import dev.mcd.site.serve.RebuilderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mcd serve --port 8000}: builds the site into a temporary folder, serves it on
 * http://127.0.0.1:8000/ and rebuilds + reloads the browser on every edit under content/ or
 * templates/ until Ctrl-C; the pipeline comes in through a {@link RebuilderFactory}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Preview the site on http://127.0.0.1:PORT/, rebuilding and reloading on every edit.",
        footer = {"", "Examples:", "  ./mcd serve", "  ./mcd serve --port 9000 --root path/to/project"})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8000", description = "TCP port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--root", defaultValue = ".", description = "Project folder holding content/ and templates/ (default: current folder).")
    Path root;

    /** The old name of --root, kept so that scripts written for it still work; says so once. */
    @Option(names = "--project", hidden = true)
    Path project;

    private final RebuilderFactory rebuilders;

    public ServeCommand(RebuilderFactory rebuilders) {
        this.rebuilders = rebuilders;
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            System.err.println("mcd serve: --port must be 0..65535, got " + port);
            return 2;
        }
        if (project != null) {
            System.err.println("mcd serve: --project is deprecated, use --root (as build, check, new and refs do)");
        }
        Path root = (project != null ? project : this.root).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("content"))) {
            System.err.println("mcd serve: no content/ folder in " + root);
            return 2;
        }
        Path out = Files.createTempDirectory("mcd-serve-");
        PreviewSession session;
        try {
            session = PreviewSession.start(root, out, port, rebuilders.create(root), System.out);
        } catch (BindException e) {
            deleteTree(out);
            System.err.println("mcd serve: cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + "); try --port");
            return 1;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                session.close();
                deleteTree(out);
            } catch (IOException | UncheckedIOException e) {
                System.err.println("mcd serve: could not clean up " + out + ": " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "mcd-serve-stop"));
        System.out.println("Serving " + root.resolve("content") + " on " + session.uri() + " (Ctrl-C to stop)");
        stopped.await();
        return 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
