package dev.mcd.site.daemon;

import dev.mcd.site.Sha256;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A long-lived process that builds one project for {@code ./mcd build}, so that a build after an
 * edit runs with warm caches and a warm JIT and re-renders only what changed, as {@code mcd serve}
 * does (Gradle's daemon is the model). It listens on 127.0.0.1 only and serves a client that
 * presents the registry's token, runs the same tool and names the same project; it runs one
 * build at a time, stops after an idle period, and stops as soon as its registry is removed or
 * replaced (a deleted {@code .mcd-cache}, a newer daemon) or a client runs another version of
 * the tool.
 */
public final class BuildDaemon {
    /** What the daemon runs for a client: one {@code mcd build} command line, answering its exit code. */
    public interface Builds {
        int run(Map<String, String> env, List<String> args, PrintStream out, PrintStream err) throws Exception;
    }

    private final Path root;
    /** The digest of the tool this daemon runs ({@link #digest}): what a client's must equal. */
    private final String toolDigest;
    private final Builds builds;
    private final Duration idleLimit;
    private final Consumer<String> log;
    private final ServerSocket server;
    private final DaemonRegistry registry;
    private final ReentrantLock building = new ReentrantLock();
    private final ScheduledExecutorService timers;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    private final AtomicInteger served = new AtomicInteger();
    private final long startedAt = System.nanoTime();
    private volatile long lastUsed = System.nanoTime();
    private volatile boolean warming;

    private BuildDaemon(Path root, String tool, Builds builds, Duration idleLimit, Consumer<String> log) throws IOException {
        this.root = root;
        this.toolDigest = digest(tool);
        this.builds = builds;
        this.idleLimit = idleLimit;
        this.log = log;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.registry = new DaemonRegistry(server.getLocalPort(), HexFormat.of().formatHex(secret), ProcessHandle.current().pid(),
                root.toString());
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "mcd-daemon-timer"));
    }

    /**
     * Starts serving {@code root} (an absolute, normalised path) for clients of {@code tool} (the
     * running tool's identity, {@code BuildStamp.runningTool}); {@code poll} is how often it checks
     * its registry and idleness.
     */
    public static BuildDaemon start(Path root, String tool, Builds builds, Duration idleLimit, Duration poll,
                                    Consumer<String> log) throws IOException {
        var daemon = new BuildDaemon(root, tool, builds, idleLimit, log);
        try {
            daemon.registry.write(root);
        } catch (IOException e) {
            daemon.server.close();
            throw e;
        }
        thread(daemon::acceptAll, "mcd-daemon-accept").start();
        daemon.timers.scheduleWithFixedDelay(daemon::watch, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        log.accept("listening on 127.0.0.1:" + daemon.registry.port() + " for " + root);
        return daemon;
    }

    /** The digest a client sends for its tool: equal exactly when the tools are. */
    public static String digest(String tool) {
        return new Sha256().text(tool).hex();
    }

    public int port() {
        return registry.port();
    }

    /** Runs {@code work} (e.g. a build into memory that warms the caches) before the first client's build. */
    public void warmUp(Runnable work) {
        building.lock();
        warming = true;
        try {
            work.run();
        } finally {
            warming = false;
            lastUsed = System.nanoTime();
            building.unlock();
        }
    }

    /** Waits until the daemon stops and says why. */
    public String awaitStop() throws InterruptedException {
        stopped.await();
        return stopReason.get();
    }

    /** Stops listening and removes the registry if it is still this daemon's; a build under way finishes first. */
    public void stop(String reason) {
        if (!stopReason.compareAndSet(null, reason)) {
            return;
        }
        log.accept("stopping: " + reason);
        try {
            server.close();
        } catch (IOException e) {
            log.accept("closing the port: " + e.getMessage());
        }
        building.lock(); // a build under way finishes, with its heartbeats
        try {
            registry.remove(root);
        } finally {
            building.unlock();
            timers.shutdownNow();
            stopped.countDown();
        }
    }

    private void watch() {
        if (!registry.current(root)) {
            thread(() -> stop("its registry " + DaemonRegistry.file(root) + " was removed or names another daemon"), "mcd-daemon-stop").start();
        } else if (!building.isLocked() && System.nanoTime() - lastUsed > idleLimit.toNanos()) {
            thread(() -> stop("no build for " + idleLimit.toMinutes() + " minutes"), "mcd-daemon-stop").start();
        }
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                thread(() -> serve(s), "mcd-daemon-client").start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.accept("accepting: " + e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(5_000); // the whole request comes at once; a silent peer is not a client
            var in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            var out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            if (!Protocol.readExact(in, Protocol.MAGIC) || !Protocol.readExact(in, registry.token())) {
                log.accept("refused a connection that did not present the registry's token");
                return;
            }
            String clientTool = in.readUTF();
            String clientRoot = in.readUTF();
            String request = in.readUTF();
            // A build's environment and arguments come with the request: read whole before any answer,
            // so that closing after a refusal never discards unread bytes (which resets the connection).
            Map<String, String> env = request.equals(Protocol.BUILD) ? Protocol.readMap(in) : Map.of();
            List<String> args = request.equals(Protocol.BUILD) ? Protocol.readStrings(in) : List.of();
            if (!clientRoot.equals(root.toString())) {
                out.writeByte(Protocol.OTHER_PROJECT);
                out.flush();
                return;
            }
            if (!clientTool.equals(toolDigest)) {
                out.writeByte(Protocol.STALE);
                out.flush();
                stop("a client runs another version of the tool");
                return;
            }
            switch (request) {
                case Protocol.STATUS -> {
                    out.writeByte(Protocol.ACCEPTED);
                    out.writeUTF(status());
                    out.flush();
                }
                case Protocol.STOP -> {
                    out.writeByte(Protocol.ACCEPTED);
                    out.writeUTF("stopping the build daemon (pid " + registry.pid() + ")");
                    out.flush();
                    stop("asked to stop");
                }
                case Protocol.BUILD -> build(socket, out, env, args);
                default -> log.accept("refused an unknown request: " + request);
            }
        } catch (IOException e) {
            log.accept("a client's connection failed: " + e.getMessage());
        }
    }

    private void build(Socket socket, DataOutputStream out, Map<String, String> env, List<String> args) throws IOException {
        out.writeByte(Protocol.ACCEPTED);
        out.flush();
        socket.setSoTimeout(0);
        // Heartbeats while this build waits for another or runs: the client's sign that the daemon lives.
        var beat = timers.scheduleAtFixedRate(() -> Protocol.send(out, Protocol.HEARTBEAT, null, 0, 0),
                Protocol.HEARTBEAT_MS, Protocol.HEARTBEAT_MS, TimeUnit.MILLISECONDS);
        int code;
        if (!building.tryLock()) {
            // Silence here would look like a hang: say what this build waits for.
            byte[] note = ((warming ? "mcd: the build daemon is warming up (its first build since it started); this build waits for it"
                    : "mcd: another build is running in the build daemon; this one waits for it") + System.lineSeparator())
                    .getBytes(StandardCharsets.UTF_8);
            Protocol.send(out, Protocol.ERR, note, 0, note.length);
            building.lock();
        }
        long start = System.nanoTime();
        try {
            lastUsed = start;
            var o = new PrintStream(new Protocol.FrameStream(out, Protocol.OUT), true, StandardCharsets.UTF_8);
            var e = new PrintStream(new Protocol.FrameStream(out, Protocol.ERR), true, StandardCharsets.UTF_8);
            try {
                code = builds.run(env, args, o, e);
            } catch (Exception | StackOverflowError | OutOfMemoryError failure) {
                log.accept("a build failed unexpectedly: " + failure);
                e.println("mcd build: internal error in the build daemon: " + failure.getMessage() + " (its log: "
                        + DaemonRegistry.log(root) + ")");
                code = 1;
            }
            o.flush();
            e.flush();
            served.incrementAndGet();
            log.accept("built " + args + " in " + (System.nanoTime() - start) / 1_000_000 + " ms: exit " + code);
        } finally {
            lastUsed = System.nanoTime();
            building.unlock();
            beat.cancel(false);
        }
        Protocol.send(out, Protocol.EXIT, null, 0, code);
    }

    private String status() {
        Runtime rt = Runtime.getRuntime();
        long up = (System.nanoTime() - startedAt) / 1_000_000_000L;
        long idle = (System.nanoTime() - lastUsed) / 1_000_000_000L;
        return "build daemon for " + root + ": pid " + registry.pid() + ", port " + registry.port() + ", up " + up + " s, "
                + served.get() + " builds served" + (warming ? ", warming up" : "") + (building.isLocked() ? ", building now" : ", idle " + idle + " s")
                + " (stops after " + idleLimit.toMinutes() + " idle minutes), heap " + (rt.totalMemory() - rt.freeMemory()) / (1 << 20)
                + " of " + rt.maxMemory() / (1 << 20) + " MB";
    }

    private static Thread thread(Runnable r, String name) {
        var t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
