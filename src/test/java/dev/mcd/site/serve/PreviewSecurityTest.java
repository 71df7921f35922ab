package dev.mcd.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attacks on {@code mcd serve}: another site reading the preview through DNS rebinding (a foreign
 * Host), requests that change or open things (wrong methods), clients that hold resources
 * (endless event streams, slow or huge headers), and reads during rebuilds.
 */
class PreviewSecurityTest {
    private static final String WHOLE = "x".repeat(20_000);

    @TempDir
    Path tmp;
    PreviewServer server;

    @BeforeEach
    void serve() throws IOException {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<html><body><p>draft</p></body></html>");
        server = PreviewServer.start(site, 0, true);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawHttp request(String method, String path, String host) throws IOException {
        String hostLine = host == null ? "" : "Host: " + host + "\r\n";
        return RawHttp.send(server.port(), method + " " + path + " HTTP/1.1\r\n" + hostLine + "Connection: close\r\n\r\n");
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {"evil.example:PORT", "evil.example", "127.0.0.1", "127.0.0.1:1", "127.0.0.2:PORT",
            "localhost.evil.example:PORT", "0.0.0.0:PORT", "[::2]:PORT", "127.0.0.1:PORT.evil.example"})
    void aForeignHostIsForbidden(String host) throws IOException {
        String h = host.replace("PORT", String.valueOf(server.port()));
        var page = request("GET", "/", h);
        assertEquals(403, page.status(), page.headers());
        assertTrue(!page.body().contains("draft"), page.body());
        assertEquals(403, request("GET", PreviewPages.EVENTS_PATH, h).status(), "the event stream too");
    }

    @Test
    void noHostIsForbiddenAndTheLoopbackNamesAreServed() throws IOException {
        var none = RawHttp.send(server.port(), "GET / HTTP/1.0\r\n\r\n");
        assertEquals(403, none.status());
        for (String host : List.of("127.0.0.1:" + server.port(), "localhost:" + server.port(), "LOCALHOST:" + server.port())) {
            var page = request("GET", "/", host);
            assertEquals(200, page.status(), host);
            assertTrue(page.body().contains("draft"), host);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"})
    void onlyGetAndHeadAlsoOnTheEventStream(String method) throws IOException {
        String host = "127.0.0.1:" + server.port();
        var page = request(method, "/", host);
        assertEquals(405, page.status());
        assertTrue(page.headers().contains("Allow: GET, HEAD"), page.headers());
        var events = request(method, PreviewPages.EVENTS_PATH, host);
        assertEquals(405, events.status(), "a POST must not open a stream");
        assertEquals(0, server.listeners());
    }

    @Test
    void eventStreamsAreCapped() throws Exception {
        var open = new ArrayList<Socket>();
        try {
            for (int i = 0; i < PreviewServer.MAX_STREAMS; i++) {
                open.add(openStream());
            }
            var refused = request("GET", PreviewPages.EVENTS_PATH, "127.0.0.1:" + server.port());
            assertEquals(503, refused.status());
            assertEquals(200, request("GET", "/", "127.0.0.1:" + server.port()).status(), "pages are still served");
        } finally {
            for (Socket s : open) {
                s.close();
            }
        }
        PreviewSessionTest.await(() -> {
            server.published(new BuildOutcome.Built("")); // a write notices the closed peers
            return server.openStreams() == 0;
        });
        try (Socket again = openStream()) {
            assertTrue(again.isConnected());
        }
    }

    /** A stream whose response headers (200) have arrived. */
    private Socket openStream() throws IOException {
        var s = new Socket(InetAddress.getLoopbackAddress(), server.port());
        s.setSoTimeout(10_000);
        s.getOutputStream().write(("GET " + PreviewPages.EVENTS_PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        String head = readHead(s.getInputStream());
        assertTrue(head.startsWith("HTTP/1.1 200"), head);
        return s;
    }

    private static String readHead(InputStream in) throws IOException {
        var b = new ByteArrayOutputStream();
        while (!b.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            b.write(c);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aClientThatNeverFinishesItsHeadersIsDropped() throws IOException {
        try (var s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout((PreviewServer.REQUEST_SECONDS + 5) * 1000);
            s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nX-Slow: ")
                    .getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            long start = System.nanoTime();
            int read;
            try {
                read = s.getInputStream().read();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server still holds the connection after "
                        + (PreviewServer.REQUEST_SECONDS + 5) + " s");
            } catch (IOException e) {
                read = -1; // reset by the server: dropped as well
            }
            assertEquals(-1, read, "closed without an answer");
            assertTrue((System.nanoTime() - start) / 1_000_000_000 <= PreviewServer.REQUEST_SECONDS + 3);
        }
    }

    @Test
    void hugeHeadersAreRefused() throws IOException {
        String host = "Host: 127.0.0.1:" + server.port() + "\r\n";
        var big = RawHttp.sendOrClosed(server.port(), "GET / HTTP/1.1\r\n" + host + "X-Big: " + "a".repeat(64 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        assertNotEquals(200, big.status(), "a 64 KiB header");
        var many = new StringBuilder("GET / HTTP/1.1\r\n" + host);
        for (int i = 0; i < 500; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        var manyHeaders = RawHttp.sendOrClosed(server.port(), many + "Connection: close\r\n\r\n");
        assertNotEquals(200, manyHeaders.status(), "500 headers");
    }

    /**
     * An edit loop: 30 rebuilds, each writing its page slowly in two halves, while a reader asks
     * for it without pause. Every answer must be 200 and a whole page of one generation.
     */
    @Test
    void readsDuringRebuildsAreWholePages() throws Exception {
        Path project = tmp.resolve("project");
        Files.createDirectories(project.resolve("content"));
        var generation = new AtomicInteger();
        Rebuilder slowWriter = (changed, into) -> {
            int g = generation.incrementAndGet();
            String page = "<html><body><p>generation " + g + "</p>" + "x".repeat(20_000) + "</body></html>";
            try {
                Files.writeString(into.resolve("other.html"), page);
                Files.writeString(into.resolve("index.html"), page.substring(0, page.length() / 2));
                Thread.sleep(20);
                Files.writeString(into.resolve("index.html"), page);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return new BuildOutcome.Built("gen " + g);
        };
        var bad = new CopyOnWriteArrayList<String>();
        var reads = new AtomicInteger();
        var stop = new AtomicBoolean();
        try (var session = PreviewSession.start(project, Files.createDirectories(tmp.resolve("out")), 0, slowWriter,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            int port = session.server().port();
            Thread reader = Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    for (String path : new String[] {"/index.html", "/other.html"}) {
                        try {
                            var r = RawHttp.get(port, path);
                            if (r.status() != 200 || !r.body().contains(WHOLE) || !r.body().endsWith("</body></html>")) {
                                bad.add(path + " " + r.status() + " " + r.body().length() + " chars");
                            }
                            reads.incrementAndGet();
                        } catch (IOException e) {
                            bad.add(path + " " + e);
                        }
                    }
                }
            });
            for (int i = 0; i < 30; i++) {
                session.rebuild(Set.of());
            }
            stop.set(true);
            reader.join();
        }
        assertTrue(reads.get() >= 60, "reads " + reads);
        assertEquals(List.of(), bad.stream().limit(5).toList(), bad.size() + " bad reads of " + reads);
    }

    @Test
    void contentDisappearingAndComingBackIsShownInThePage() throws Exception {
        Path project = tmp.resolve("project");
        Files.createDirectories(project.resolve("content"));
        Files.createDirectories(project.resolve("templates"));
        Files.writeString(project.resolve("content/index.md"), "hello");
        Rebuilder rebuilder = (changed, into) -> PreviewSessionTest.fakeBuild(project, into);
        try (var session = PreviewSession.start(project, Files.createDirectories(tmp.resolve("out")), 0, rebuilder,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            int port = session.server().port();
            assertTrue(RawHttp.get(port, "/index.html").body().contains("<p>hello</p>"));
            Files.move(project.resolve("content"), project.resolve("content-away"));
            PreviewSessionTest.await(() -> RawHttp.get(port, "/index.html").body().contains("content/ has disappeared"));
            Files.move(project.resolve("content-away"), project.resolve("content"));
            PreviewSessionTest.await(() -> RawHttp.get(port, "/index.html").body().contains("<p>hello</p>"));
            Files.writeString(project.resolve("content/index.md"), "edited after coming back");
            PreviewSessionTest.await(() -> RawHttp.get(port, "/index.html").body().contains("<p>edited after coming back</p>"));
        }
    }
}
