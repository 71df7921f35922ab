package dev.mcd.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A built site served the way GitHub Pages serves a project site: under a path such as /mcd/,
 * any missing address answered with 404.html and status 404, e.g. {@code /mcd/a/b/c}. The preview
 * server serves at / and has its own not-found page, so it cannot show whether 404.html works.
 */
final class SubPathServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css", "text/css",
            "js", "text/javascript", "json", "application/json", "svg", "image/svg+xml", "woff2", "font/woff2",
            "xml", "application/xml");

    private final HttpServer server;
    private final String prefix;

    SubPathServer(Path site, String prefix) throws IOException {
        this.prefix = prefix;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> answer(ex, site));
        server.start();
    }

    /** The address of a path inside the site, e.g. {@code url("index.html")}. */
    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + prefix + path);
    }

    private void answer(HttpExchange ex, Path site) throws IOException {
        String path = ex.getRequestURI().getPath();
        Path file = null;
        if (path.startsWith(prefix)) {
            String rel = path.substring(prefix.length());
            Path p = site.resolve(rel.isEmpty() ? "index.html" : rel).normalize();
            if (p.startsWith(site) && Files.isRegularFile(p)) {
                file = p;
            }
        }
        int status = file == null ? 404 : 200;
        Path body = file == null ? site.resolve("404.html") : file;
        String name = body.getFileName().toString();
        ex.getResponseHeaders().set("Content-Type",
                TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
        byte[] bytes = Files.readAllBytes(body);
        ex.sendResponseHeaders(status, bytes.length);
        try (var out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
