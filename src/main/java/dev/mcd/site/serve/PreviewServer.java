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
    /** Open live-reload streams at most; each holds a thread and a socket, and a browser needs one per tab. */
    static final int MAX_STREAMS = 32;
    /** Seconds a client may take to send its request line and headers (slow-loris clients are dropped). */
    static final int REQUEST_SECONDS = 5;

    static {
        // The JDK server reads these once, when it is first used: bound what one client may hold.
        setIfAbsent("sun.net.httpserver.maxReqTime", String.valueOf(REQUEST_SECONDS));
        setIfAbsent("sun.net.httpserver.maxReqHeaders", "64");
        setIfAbsent("sun.net.httpserver.maxReqHeaderSize", "16384");
        setIfAbsent("jdk.httpserver.maxConnections", "128");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** What a request sees, read once so that a page, its status and its reload generation agree. */
    private record State(SiteFiles files, BuildOutcome outcome) {}

    private final boolean liveReload;
    private final ReloadHub hub = new ReloadHub();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile State state;
    private long generation;

    private PreviewServer(Path siteDir, int port, boolean liveReload) throws IOException {
        this.state = new State(new SiteFiles(siteDir), new BuildOutcome.Built(""));
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

    /** Records a finished build of the folder already served and tells open pages to reload. */
    public synchronized void published(BuildOutcome outcome) {
        publish(new State(state.files(), outcome));
    }

    /**
     * Serves {@code siteDir}, a complete build that is never written again, from the next request
     * on: the switch is one reference, so no request sees a half-written or missing site.
     */
    public synchronized void published(BuildOutcome outcome, Path siteDir) {
        publish(new State(new SiteFiles(siteDir), outcome));
    }

    private void publish(State next) {
        state = next;
        generation++;
        hub.published(generation);
    }

    /** The folder requests are served from now. */
    public Path siteDir() {
        return state.files().root();
    }

    /** Number of pages currently listening for reloads (tests wait on it). */
    public int listeners() {
        return hub.clientCount();
    }

    /** Stream places taken, counted until a closed stream's request has fully ended (tests wait on it). */
    int openStreams() {
        return hub.reservedCount();
    }

    @Override
    public void close() {
        hub.close();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            answer(ex);
            // Closed here, where a failed last write (the client reset the connection, e.g. a cancelled
            // request) throws: the JDK server then closes the connection and
            // stops counting it. ex.close() swallows that failure and the connection stays counted
            // against jdk.httpserver.maxConnections for good (JDK 25 ExchangeImpl.close); at 128 the
            // server closes every new connection on accept (PreviewConnectionsTest).
            ex.getResponseBody().close();
        } finally {
            ex.close();
        }
    }

    private void answer(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String raw = ex.getRequestURI().getRawPath();
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (!HostCheck.allowed(ex.getRequestHeaders().getFirst("Host"), port())) {
            text(ex, 403, "forbidden: this preview answers only to http://127.0.0.1:" + port() + "/\n");
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            text(ex, 405, "method not allowed\n");
            return;
        }
        if (liveReload && PreviewPages.EVENTS_PATH.equals(raw)) {
            events(ex);
            return;
        }
        if (liveReload && PreviewPages.RELOAD_PATH.equals(raw)) {
            send(ex, 200, "text/javascript; charset=utf-8", PreviewPages.RELOAD_JS.getBytes(StandardCharsets.UTF_8));
            return;
        }
        State current = state;
        BuildOutcome now = current.outcome();
        switch (current.files().lookup(raw)) {
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
    }

    private void events(HttpExchange ex) throws IOException {
        if (!hub.reserve(MAX_STREAMS)) {
            ex.getResponseHeaders().set("Retry-After", "5");
            text(ex, 503, "too many open live-reload streams (" + MAX_STREAMS + "); close some preview tabs\n");
            return;
        }
        try {
            if (ex.getRequestMethod().equals("HEAD")) {
                send(ex, 200, "text/event-stream; charset=utf-8", new byte[0]);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.sendResponseHeaders(200, 0);
            hub.stream(ex.getResponseBody(), HEARTBEAT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hub.release();
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
