package dev.mcd.site.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build daemon's protocol with a stand-in build: who it serves, what it refuses, when it
 * stops, and what a client does when the daemon fails it. The real build through a daemon is
 * {@code cli.DaemonBuildsTest}.
 */
class BuildDaemonTest {
    private static final String TOOL = "test tool 1";
    private static final Duration LONG = Duration.ofMinutes(10);

    @TempDir
    Path root;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private BuildDaemon daemon;

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.stop("test over");
        }
    }

    /** A stand-in build: prints its arguments and one variable, answers 3. */
    private static final BuildDaemon.Builds ECHO = (env, args, out, err) -> {
        out.println("args " + args);
        err.println("env " + env.getOrDefault("MCD_BASE_URL", "unset"));
        return 3;
    };

    private BuildDaemon start(BuildDaemon.Builds builds, Duration idle, Duration poll) throws Exception {
        daemon = BuildDaemon.start(root, TOOL, builds, idle, poll, log::add);
        return daemon;
    }

    private DaemonClient.Answer build(String tool, Path at, Map<String, String> env, ByteArrayOutputStream out,
                                      ByteArrayOutputStream err, int silenceMs) {
        return DaemonClient.build(at, tool, env, List.of("build", "--root", at.toString()), out, err, silenceMs);
    }

    @Test
    void runsTheBuildWithTheClientsEnvironmentAndStreams() throws Exception {
        start(ECHO, LONG, Duration.ofSeconds(5));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var answer = build(TOOL, root, Map.of("MCD_BASE_URL", "https://docs.test/"), out, err, 5_000);
        assertEquals(new DaemonClient.Answer.Exit(3), answer);
        assertEquals("args [build, --root, " + root + "]\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("env https://docs.test/\n", err.toString(StandardCharsets.UTF_8));
        assertTrue(DaemonClient.status(root, TOOL).contains("1 builds served"), DaemonClient.status(root, TOOL));
    }

    @Test
    void registryIsOwnerOnly() throws Exception {
        start(ECHO, LONG, Duration.ofSeconds(5));
        Path file = DaemonRegistry.file(root);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        var registry = DaemonRegistry.read(root).orElseThrow();
        assertEquals(daemon.port(), registry.port());
        assertEquals(ProcessHandle.current().pid(), registry.pid());
    }

    @Test
    void refusesAConnectionWithoutTheToken() throws Exception {
        start(ECHO, LONG, Duration.ofSeconds(5));
        for (String token : List.of("0".repeat(64), "")) {
            try (var s = new Socket(InetAddress.getLoopbackAddress(), daemon.port())) {
                s.setSoTimeout(5_000);
                var out = new DataOutputStream(s.getOutputStream());
                out.writeUTF(Protocol.MAGIC);
                out.writeUTF(token);
                out.writeUTF(BuildDaemon.digest(TOOL));
                out.writeUTF(root.toString());
                out.writeUTF(Protocol.STOP);
                out.flush();
                assertEquals(-1, s.getInputStream().read(), "the daemon answered without the token");
            }
        }
        // What a web page can send to a local port: an HTTP request.
        try (var s = new Socket(InetAddress.getLoopbackAddress(), daemon.port())) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n\r\nstop".getBytes(StandardCharsets.US_ASCII));
            assertEquals(-1, s.getInputStream().read());
        }
        assertTrue(DaemonClient.status(root, TOOL).contains("0 builds served"), "the daemon stopped or built");
        assertTrue(log.stream().anyMatch(l -> l.contains("refused a connection")), log::toString);
    }

    @Test
    void anotherToolIsToldSoAndTheDaemonStops() throws Exception {
        start(ECHO, LONG, Duration.ofSeconds(5));
        var answer = build("test tool 2", root, Map.of(), new ByteArrayOutputStream(), new ByteArrayOutputStream(), 5_000);
        var unavailable = assertInstanceOf(DaemonClient.Answer.Unavailable.class, answer);
        assertTrue(unavailable.why().contains("another version of the tool"), unavailable.why());
        assertFalse(unavailable.hung());
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertTrue(daemon.awaitStop().contains("another version")));
        assertTrue(DaemonRegistry.read(root).isEmpty(), "the stopped daemon left its registry");
    }

    @Test
    void aCopiedRegistryDoesNotBuildTheOriginal(@TempDir Path copy) throws Exception {
        start(ECHO, LONG, Duration.ofSeconds(5));
        Files.createDirectories(DaemonRegistry.folder(copy));
        Files.copy(DaemonRegistry.file(root), DaemonRegistry.file(copy));
        var answer = build(TOOL, copy, Map.of(), new ByteArrayOutputStream(), new ByteArrayOutputStream(), 5_000);
        assertTrue(assertInstanceOf(DaemonClient.Answer.Unavailable.class, answer).why().contains("another project"));
        assertTrue(DaemonClient.status(root, TOOL).contains("0 builds served"));
    }

    @Test
    void stopsWhenItsRegistryIsRemoved() throws Exception {
        start(ECHO, LONG, Duration.ofMillis(50));
        Files.delete(DaemonRegistry.file(root));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertTrue(daemon.awaitStop().contains("removed")));
    }

    @Test
    void stopsWhenIdleAndWhenAsked() throws Exception {
        start(ECHO, Duration.ofMillis(200), Duration.ofMillis(50));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertTrue(daemon.awaitStop().startsWith("no build for")));
        daemon = null;
        start(ECHO, LONG, Duration.ofSeconds(5));
        assertTrue(DaemonClient.stop(root, TOOL).orElseThrow().startsWith("stopping the build daemon"));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertEquals("asked to stop", daemon.awaitStop()));
        assertTrue(DaemonClient.stop(root, TOOL).isEmpty(), "a stopped daemon answered");
    }

    @Test
    void oneBuildAtATimeWithHeartbeatsWhileWaiting() throws Exception {
        var first = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var running = new java.util.concurrent.atomic.AtomicInteger();
        var most = new java.util.concurrent.atomic.AtomicInteger();
        start((env, args, out, err) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            first.countDown();
            release.await();
            running.decrementAndGet();
            return 0;
        }, LONG, Duration.ofSeconds(5));
        var answers = Collections.synchronizedList(new ArrayList<DaemonClient.Answer>());
        var waited = Collections.synchronizedList(new ArrayList<String>());
        var clients = new ArrayList<Thread>();
        for (int i = 0; i < 2; i++) {
            // silence 1.5 s, builds held 3 s: only the heartbeats keep these clients waiting
            var t = new Thread(() -> {
                var err = new ByteArrayOutputStream();
                answers.add(build(TOOL, root, Map.of(), new ByteArrayOutputStream(), err, 1_500));
                waited.add(err.toString(StandardCharsets.UTF_8));
            });
            t.start();
            clients.add(t);
        }
        first.await();
        Thread.sleep(3_000);
        release.countDown();
        for (var t : clients) {
            t.join(10_000);
        }
        assertEquals(List.of(new DaemonClient.Answer.Exit(0), new DaemonClient.Answer.Exit(0)), answers);
        assertEquals(1, most.get(), "two builds ran at once");
        assertEquals(1, waited.stream().filter(e -> e.contains("another build is running in the build daemon")).count(), waited::toString);
    }

    @Test
    void aBuildDuringTheWarmUpSaysItWaits() throws Exception {
        start(ECHO, LONG, Duration.ofSeconds(5));
        var warming = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var warmer = new Thread(() -> daemon.warmUp(() -> {
            warming.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        warmer.start();
        warming.await();
        var err = new ByteArrayOutputStream();
        var client = new Thread(() -> build(TOOL, root, Map.of(), new ByteArrayOutputStream(), err, 5_000));
        client.start();
        Thread.sleep(500);
        release.countDown();
        client.join(10_000);
        warmer.join(10_000);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("mcd: the build daemon is warming up"), err::toString);
    }

    @Test
    void aFailingBuildIsAnErrorOfThatBuildOnly() throws Exception {
        start((env, args, out, err) -> {
            throw new IllegalStateException("boom");
        }, LONG, Duration.ofSeconds(5));
        var err = new ByteArrayOutputStream();
        assertEquals(new DaemonClient.Answer.Exit(1), build(TOOL, root, Map.of(), new ByteArrayOutputStream(), err, 5_000));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("mcd build: internal error in the build daemon: boom"));
        assertTrue(DaemonClient.status(root, TOOL).contains("1 builds served"));
    }

    @Test
    void noDaemonIsSaidAsSuch() {
        var answer = build(TOOL, root, Map.of(), new ByteArrayOutputStream(), new ByteArrayOutputStream(), 5_000);
        assertEquals(new DaemonClient.Answer.Unavailable("no build daemon runs for this project", false, -1), answer);
    }

    /** A registry whose port answers the build and then does {@code then}: a daemon that hangs or dies half-way. */
    private DaemonClient.Answer againstFake(boolean hang) throws Exception {
        try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            new DaemonRegistry(server.getLocalPort(), "a".repeat(64), 4_000_000L, root.toString()).write(root);
            var fake = new Thread(() -> {
                try (Socket s = server.accept()) {
                    var in = new DataInputStream(s.getInputStream());
                    for (int i = 0; i < 5; i++) {
                        in.readUTF();
                    }
                    Protocol.readMap(in);
                    Protocol.readStrings(in);
                    var out = new DataOutputStream(s.getOutputStream());
                    out.writeByte(Protocol.ACCEPTED);
                    out.flush();
                    if (hang) {
                        Thread.sleep(3_000);
                    }
                } catch (Exception e) {
                    // the client gave up first
                }
            });
            fake.start();
            var answer = build(TOOL, root, Map.of(), new ByteArrayOutputStream(), new ByteArrayOutputStream(), 300);
            fake.join(5_000);
            return answer;
        }
    }

    @Test
    void aSilentDaemonIsTakenForHung() throws Exception {
        var answer = assertInstanceOf(DaemonClient.Answer.Unavailable.class, againstFake(true));
        assertTrue(answer.hung(), answer::toString);
        assertEquals(4_000_000L, answer.pid());
    }

    @Test
    void aDaemonThatEndsHalfWayIsSaidAsSuch() throws Exception {
        var answer = assertInstanceOf(DaemonClient.Answer.Unavailable.class, againstFake(false));
        assertFalse(answer.hung());
        assertTrue(answer.why().contains("ended during the build"), answer.why());
    }
}
