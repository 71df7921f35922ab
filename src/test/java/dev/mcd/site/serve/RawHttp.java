package dev.mcd.site.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends a request line exactly as written (no client-side normalisation), e.g. {@code get(port, "/%2e%2e/x")}. */
record RawHttp(int status, String headers, String body) {
    static RawHttp get(int port, String rawPath) throws IOException {
        return send(port, "GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
    }

    /** Sends {@code request} (request line, headers, blank line) byte for byte and reads the whole answer. */
    static RawHttp send(int port, String request) throws IOException {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = split < 0 ? all : all.substring(0, split);
            String body = split < 0 ? "" : all.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new RawHttp(status, head, body);
        }
    }

    /** Like {@link #send}, but a connection the server closes or resets without an answer is status 0. */
    static RawHttp sendOrClosed(int port, String request) {
        try {
            return send(port, request);
        } catch (IOException | RuntimeException e) {
            return new RawHttp(0, "", "");
        }
    }
}
