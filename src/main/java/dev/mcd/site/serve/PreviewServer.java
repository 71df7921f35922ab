package dev.mcd.site.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback-only HTTP server for a built site, e.g. {@code PreviewServer.start(out, 8000, true)}
 * serves {@code out/} on http://127.0.0.1:8000/; with live reload every HTML page gets a script
 * listening on {@value PreviewPages#EVENTS_PATH}, and after {@link #published} of a failed build
 * pages show the error text until a good build arrives.
 */
public final class PreviewServer implements AutoCloseable {
    private static final long HEARTBEAT_MILLIS = 15_000;

    private final SiteFiles files;
    private final boolean liveReload;
    private final ReloadHub hub = new ReloadHub();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile BuildOutcome latest = new BuildOutcome.Built("");
    private long generation;

    private PreviewServer(Path siteDir, int port, boolean liveReload) throws IOException {
        this.files = new SiteFiles(siteDir);
        this.liveReload = liveReload;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        // One virtual thread per request: event streams stay open for as long as a page does.
        server.setExecutor(threads);
        server.start();
    }

    /** Binds 127.0.0.1 only: a preview must not be reachable from the network. Port 0 picks a free one. */
    public static PreviewServer start(Path siteDir, int port, boolean liveReload) throws IOException {
        return new PreviewServer(siteDir, port, liveReload);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** Records a finished build and tells open pages to reload. */
    public synchronized void published(BuildOutcome outcome) {
        latest = outcome;
        generation++;
        hub.published(generation);
    }

    /** Number of pages currently listening for reloads (tests wait on it). */
    public int listeners() {
        return hub.clientCount();
    }

    @Override
    public void close() {
        hub.close();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String method = ex.getRequestMethod();
            String raw = ex.getRequestURI().getRawPath();
            if (liveReload && PreviewPages.EVENTS_PATH.equals(raw)) {
                events(ex);
                return;
            }
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                text(ex, 405, "method not allowed\n");
                return;
            }
            BuildOutcome now = latest;
            switch (files.lookup(raw)) {
                case Lookup.Found(Path file) -> {
                    if (now instanceof BuildOutcome.Failed(String message) && ContentTypes.isHtml(file)) {
                        html(ex, 500, PreviewPages.errorPage(message, hub.generation()));
                    } else if (liveReload && ContentTypes.isHtml(file)) {
                        html(ex, 200, PreviewPages.inject(Files.readString(file, StandardCharsets.UTF_8), hub.generation()));
                    } else {
                        send(ex, 200, ContentTypes.of(file), Files.readAllBytes(file));
                    }
                }
                case Lookup.Redirect(String location) -> {
                    String query = ex.getRequestURI().getRawQuery();
                    ex.getResponseHeaders().set("Location", query == null ? location : location + "?" + query);
                    send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
                }
                case Lookup.Missing() -> {
                    if (now instanceof BuildOutcome.Failed(String message)) {
                        html(ex, 500, PreviewPages.errorPage(message, hub.generation()));
                    } else {
                        html(ex, 404, PreviewPages.notFoundPage(SiteFiles.decodeOrRaw(raw), hub.generation()));
                    }
                }
                case Lookup.Forbidden(String reason) -> text(ex, 403, "forbidden: " + reason + "\n");
                case Lookup.BadRequest(String reason) -> text(ex, 400, "bad request: " + reason + "\n");
            }
        } finally {
            ex.close();
        }
    }

    private void events(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        try {
            hub.stream(ex.getResponseBody(), HEARTBEAT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void html(HttpExchange ex, int status, String page) throws IOException {
        send(ex, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    private static void text(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = ex.getRequestMethod().equals("HEAD");
        // -1 means "no body"; 0 would mean chunked.
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }
}
