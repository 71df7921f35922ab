package dev.mcd.site.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Asks {@code root}'s build daemon, if one runs, to build, to say how it is, or to stop. */
public final class DaemonClient {
    /** How a request went. */
    public sealed interface Answer {
        /** The daemon ran the build: its exit code (its output went to the caller's streams). */
        record Exit(int code) implements Answer {}

        /**
         * No daemon ran it: {@code why} in a few words for the user; {@code hung} when a daemon that
         * accepted the build stopped answering (then its process {@code pid} should be stopped).
         */
        record Unavailable(String why, boolean hung, long pid) implements Answer {}
    }

    /** A daemon silent this long during a build (heartbeats come every second) is taken for hung. */
    public static final int SILENCE_MS = 30_000;

    private DaemonClient() {}

    /** Runs {@code args} (a {@code build} command line) in the daemon, copying its output to {@code out} and {@code err}. */
    public static Answer build(Path root, String tool, Map<String, String> env, List<String> args, OutputStream out,
                               OutputStream err, int silenceMs) {
        var found = DaemonRegistry.read(root);
        if (found.isEmpty()) {
            return new Answer.Unavailable("no build daemon runs for this project", false, -1);
        }
        var registry = found.get();
        try (var socket = new Socket()) {
            var connection = open(socket, registry, root, tool, Protocol.BUILD, env, args);
            if (connection.refusal().isPresent()) {
                return connection.refusal().get();
            }
            socket.setSoTimeout(silenceMs);
            var in = connection.in();
            while (true) {
                int kind = in.read();
                switch (kind) {
                    case Protocol.OUT, Protocol.ERR -> {
                        int len = in.readInt();
                        if (len < 0 || len > Protocol.MAX_FRAME) {
                            throw new IOException("a frame of " + len + " bytes");
                        }
                        byte[] b = in.readNBytes(len);
                        var to = kind == Protocol.OUT ? out : err;
                        to.write(b);
                        to.flush();
                    }
                    case Protocol.HEARTBEAT -> {
                    }
                    case Protocol.EXIT -> {
                        return new Answer.Exit(in.readInt());
                    }
                    case -1 -> {
                        return new Answer.Unavailable("the build daemon (pid " + registry.pid() + ") ended during the build",
                                false, registry.pid());
                    }
                    default -> throw new IOException("unknown frame " + kind);
                }
            }
        } catch (SocketTimeoutException e) {
            return new Answer.Unavailable("the build daemon (pid " + registry.pid() + ") stopped answering", true, registry.pid());
        } catch (EOFException e) {
            return new Answer.Unavailable("the build daemon (pid " + registry.pid() + ") ended during the build", false, registry.pid());
        } catch (IOException e) {
            return new Answer.Unavailable("no build daemon answers on port " + registry.port() + " (" + e.getMessage() + ")", false,
                    registry.pid());
        }
    }

    /** The daemon's own account of itself, or why there is none. */
    public static String status(Path root, String tool) {
        return simple(root, tool, Protocol.STATUS).orElse("no build daemon runs for " + root);
    }

    /** Asks the daemon to stop; what it said, or empty when none answered. */
    public static Optional<String> stop(Path root, String tool) {
        return simple(root, tool, Protocol.STOP);
    }

    private static Optional<String> simple(Path root, String tool, String request) {
        var found = DaemonRegistry.read(root);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try (var socket = new Socket()) {
            var connection = open(socket, found.get(), root, tool, request, Map.of(), List.of());
            if (connection.refusal().isPresent()) {
                return Optional.of(((Answer.Unavailable) connection.refusal().get()).why());
            }
            return Optional.of(connection.in().readUTF());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private record Connection(DataInputStream in, DataOutputStream out, Optional<Answer> refusal) {}

    /**
     * Connects, sends the whole request at once (a build's environment and arguments too) and reads
     * the daemon's first answer: a refusal when it runs another tool or builds another project.
     */
    private static Connection open(Socket socket, DaemonRegistry registry, Path root, String tool, String request,
                                   Map<String, String> env, List<String> args) throws IOException {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), registry.port()), 1_000);
        socket.setSoTimeout(5_000);
        socket.setTcpNoDelay(true);
        var in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        var out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
        out.writeUTF(Protocol.MAGIC);
        out.writeUTF(registry.token());
        out.writeUTF(BuildDaemon.digest(tool));
        out.writeUTF(root.toString());
        out.writeUTF(request);
        if (request.equals(Protocol.BUILD)) {
            Protocol.writeMap(out, env);
            Protocol.writeStrings(out, args);
        }
        out.flush();
        int reply = in.read();
        return switch (reply) {
            case Protocol.ACCEPTED -> new Connection(in, out, Optional.empty());
            case Protocol.STALE -> new Connection(in, out, Optional.of(new Answer.Unavailable(
                    "the build daemon ran another version of the tool and stops", false, registry.pid())));
            case Protocol.OTHER_PROJECT -> new Connection(in, out, Optional.of(new Answer.Unavailable(
                    "the registry names the build daemon of another project (a copied .mcd-cache)", false, registry.pid())));
            default -> throw new EOFException("no answer");
        };
    }
}
