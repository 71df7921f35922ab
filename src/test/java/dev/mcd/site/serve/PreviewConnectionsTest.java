package dev.mcd.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A browser that gives up on a request (a navigation away, a cancelled fetch) may reset the
 * connection before the answer is written. The JDK server counts open connections against
 * {@code jdk.httpserver.maxConnections} (128, see PreviewServer) and closes every new one on
 * accept once the count is reached; an answer whose last write fails must not stay counted, or
 * after 128 such requests every page that needs a new connection comes back empty.
 */
class PreviewConnectionsTest {
    @TempDir
    Path tmp;

    @Test
    void requestsResetBeforeTheirAnswerDoNotUseUpTheServersConnections() throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site"));
        // smaller than the server's 8 KB output buffer: status line, headers and body go out in one write at close
        Files.writeString(site.resolve("small.css"), "body{color:red}");
        Files.writeString(site.resolve("index.html"), "<html><body>home</body></html>");
        try (PreviewServer server = PreviewServer.start(site, 0, false)) {
            int limit = Integer.getInteger("jdk.httpserver.maxConnections", 128);
            for (int i = 0; i < limit + 20; i++) {
                try (var socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                    socket.getOutputStream().write(("GET /small.css HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    socket.setSoLinger(true, 0); // close with a reset, as a cancelled request may
                }
            }
            Thread.sleep(500);
            assertAnswersANewConnection(server, limit + 20 + " reset requests");
        }
    }

    private static void assertAnswersANewConnection(PreviewServer server, String after) {
        var fresh = RawHttp.sendOrClosed(server.port(), "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nConnection: close\r\n\r\n");
        assertEquals(200, fresh.status(), "a new connection after " + after);
    }
}
