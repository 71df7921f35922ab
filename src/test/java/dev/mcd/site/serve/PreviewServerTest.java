package dev.mcd.site.serve;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreviewServerTest {
    @TempDir
    Path tmp;
    Path site;
    PreviewServer server;

    @BeforeEach
    void serve() throws Exception {
        site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(tmp.resolve("secret.txt"), "SECRET-OUTSIDE");
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><html><body><p>home</p></body></html>");
        Files.createDirectories(site.resolve("guide"));
        Files.writeString(site.resolve("guide/index.html"), "<html><body>guide</body></html>");
        Files.createDirectories(site.resolve("assets"));
        Files.writeString(site.resolve("assets/mcd.css"), "body{color:red}");
        server = PreviewServer.start(site, 0, true);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesHtmlWithTheReloadScriptAndAssetsUntouched() throws Exception {
        var home = RawHttp.get(server.port(), "/");
        var css = RawHttp.get(server.port(), "/assets/mcd.css");
        var reload = RawHttp.get(server.port(), "/__mcd/reload.js");
        assertAll(
                () -> assertEquals(200, home.status()),
                () -> assertTrue(home.headers().contains("text/html; charset=utf-8"), home.headers()),
                // A script file, not inline code: the site's Content-Security-Policy allows scripts from the site only.
                () -> assertTrue(home.body().contains("<p>home</p><script src=\"/__mcd/reload.js\" data-generation="), home.body()),
                () -> assertTrue(home.body().endsWith("</script></body></html>"), home.body()),
                () -> assertEquals(200, reload.status()),
                () -> assertTrue(reload.headers().contains("text/javascript"), reload.headers()),
                () -> assertTrue(reload.body().contains("new EventSource('/__mcd/events')"), reload.body()),
                () -> assertEquals(200, css.status()),
                () -> assertTrue(css.headers().contains("text/css"), css.headers()),
                () -> assertEquals("body{color:red}", css.body()));
    }

    @Test
    void folderWithoutSlashRedirectsSoRelativeLinksWork() throws Exception {
        var r = RawHttp.get(server.port(), "/guide");
        assertEquals(301, r.status());
        assertTrue(r.headers().contains("Location: /guide/"), r.headers());
        assertTrue(RawHttp.get(server.port(), "/guide/").body().contains("guide"));
    }

    @Test
    void missingPageIs404() throws Exception {
        var r = RawHttp.get(server.port(), "/nope.html");
        assertEquals(404, r.status());
        assertTrue(r.body().contains("/nope.html"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt",
            "/guide/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt", "/%252e%252e/secret.txt", "/guide/..%2f..%2fsecret.txt",
            "/./../secret.txt", "/%c0%ae%c0%ae/secret.txt", "/%00/secret.txt"})
    void nothingOutsideTheSiteIsServed(String path) throws Exception {
        var r = RawHttp.get(server.port(), path);
        assertTrue(r.status() == 400 || r.status() == 403 || r.status() == 404, path + " → " + r.status());
        assertFalse(r.body().contains("SECRET-OUTSIDE"), path);
    }

    @Test
    void symlinksLeadingOutsideAreForbidden() throws Exception {
        Files.createSymbolicLink(site.resolve("leak.txt"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("up"), tmp);
        Files.createSymbolicLink(site.resolve("inside.css"), site.resolve("assets/mcd.css"));
        assertEquals(403, RawHttp.get(server.port(), "/leak.txt").status());
        assertEquals(403, RawHttp.get(server.port(), "/up/secret.txt").status());
        assertEquals(200, RawHttp.get(server.port(), "/inside.css").status(), "a link staying inside is fine");
    }

    @Test
    void onlyGetAndHead() throws Exception {
        var c = (HttpURLConnection) server.uri().resolve("index.html").toURL().openConnection();
        c.setRequestMethod("DELETE");
        assertEquals(405, c.getResponseCode());
        var head = (HttpURLConnection) server.uri().resolve("index.html").toURL().openConnection();
        head.setRequestMethod("HEAD");
        assertEquals(200, head.getResponseCode());
    }

    @Test
    void failedBuildShowsItsMessageOnPagesButStillServesAssets() throws Exception {
        server.published(new BuildOutcome.Failed("content/intro.md:3:5: unknown function 'foo' <b>"));
        var page = RawHttp.get(server.port(), "/");
        assertEquals(500, page.status());
        assertTrue(page.body().contains("content/intro.md:3:5: unknown function &#39;foo&#39; &lt;b&gt;"), page.body());
        assertTrue(page.body().contains("<script src=\"/__mcd/reload.js\""), "the error page reloads itself once fixed");
        assertEquals(200, RawHttp.get(server.port(), "/assets/mcd.css").status());
        server.published(new BuildOutcome.Built("1 page"));
        assertEquals(200, RawHttp.get(server.port(), "/").status());
    }

    @Test
    void eventStreamAnnouncesEveryBuild() throws Exception {
        var lines = new ArrayBlockingQueue<String>(100);
        var c = (HttpURLConnection) URI.create(server.uri() + "__mcd/events").toURL().openConnection();
        c.setReadTimeout(10_000);
        assertEquals("text/event-stream; charset=utf-8", c.getContentType());
        var reader = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8));
        Thread.ofVirtual().start(() -> {
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (Exception e) {
                // stream closed by the server at the end of the test
            }
        });
        assertEquals("data: 0", nextData(lines));
        server.published(new BuildOutcome.Built(""));
        assertEquals("data: 1", nextData(lines));
        server.published(new BuildOutcome.Failed("x"));
        assertEquals("data: 2", nextData(lines));
    }

    static String nextData(ArrayBlockingQueue<String> lines) throws InterruptedException {
        while (true) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            if (line == null) {
                return "timeout";
            }
            if (line.startsWith("data:")) {
                return line;
            }
        }
    }
}
