package dev.mcd.site.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open Server-Sent-Event streams of preview pages, e.g. after build 7 every page gets
 * {@code event: build\ndata: 7\n\n} and reloads if it was served by an earlier build
 * (HTML Living Standard, "Server-sent events").
 */
final class ReloadHub {
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private volatile long generation;
    private final AtomicInteger reserved = new AtomicInteger();
    private volatile boolean closed;

    private static final class Client {
        final OutputStream out;
        final CountDownLatch gone = new CountDownLatch(1);

        Client(OutputStream out) {
            this.out = out;
        }

        synchronized void send(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    long generation() {
        return generation;
    }

    /** Takes one of {@code max} stream places; false when all are taken. Pair with {@link #release()}. */
    boolean reserve(int max) {
        while (true) {
            int n = reserved.get();
            if (n >= max) {
                return false;
            }
            if (reserved.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void release() {
        reserved.decrementAndGet();
    }

    int reservedCount() {
        return reserved.get();
    }

    int clientCount() {
        return clients.size();
    }

    /** Counts a finished build (good or bad) and tells every page. */
    void published(long newGeneration) {
        generation = newGeneration;
        for (Client c : clients) {
            send(c, buildEvent(newGeneration));
        }
    }

    /**
     * Serves one stream until the page goes away; blocks the (virtual) request thread so the
     * exchange stays open, and sends a comment now and then so a dead peer is noticed.
     */
    void stream(OutputStream out, long heartbeatMillis) throws InterruptedException {
        var client = new Client(out);
        clients.add(client);
        try {
            if (!send(client, "retry: 1000\n\n" + buildEvent(generation))) {
                return;
            }
            while (!closed && !client.gone.await(heartbeatMillis, TimeUnit.MILLISECONDS)) {
                if (!send(client, ": ping\n\n")) {
                    return;
                }
            }
        } finally {
            clients.remove(client);
        }
    }

    void close() {
        closed = true;
        clients.forEach(c -> c.gone.countDown());
    }

    private boolean send(Client c, String text) {
        try {
            c.send(text);
            return true;
        } catch (IOException e) {
            c.gone.countDown();
            clients.remove(c);
            return false;
        }
    }

    private static String buildEvent(long generation) {
        return "event: build\ndata: " + generation + "\n\n";
    }
}
