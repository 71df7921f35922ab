package dev.mcd.site.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The words between a build daemon and its client, over one TCP connection on 127.0.0.1.
 * The client opens with {@link #MAGIC}, the registry's token, the digest of its tool
 * ({@code BuildStamp.runningTool}), the project folder and a request ({@link #BUILD},
 * {@link #STATUS}, {@link #STOP}); a build request then sends the environment and the
 * arguments. The daemon answers one byte ({@link #ACCEPTED}, {@link #STALE}: another
 * version of the tool, {@link #OTHER_PROJECT}) and, for a build, frames: standard output or
 * error bytes, a heartbeat while it works, and the exit code last.
 */
final class Protocol {
    static final String MAGIC = "mcd-daemon 1";
    static final String BUILD = "build";
    static final String STATUS = "status";
    static final String STOP = "stop";

    static final int ACCEPTED = 'A';
    static final int STALE = 'S';
    static final int OTHER_PROJECT = 'P';

    static final int OUT = 'O';
    static final int ERR = 'E';
    static final int HEARTBEAT = 'H';
    static final int EXIT = 'X';

    /** The daemon sends a heartbeat this often while a build runs, so a client can tell a long build from a dead daemon. */
    static final int HEARTBEAT_MS = 1_000;

    /** A frame longer than this is refused as garbage rather than allocated. */
    static final int MAX_FRAME = 1 << 24;

    private Protocol() {}

    /**
     * Reads a string written by {@code writeUTF} and says whether it is {@code expected}, without
     * waiting for more bytes than {@code expected} has: a peer that is no client (a browser's HTTP
     * request to the port) is refused at once. Compared in constant time, since it reads the token.
     */
    static boolean readExact(DataInputStream in, String expected) throws IOException {
        byte[] want = expected.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (in.readUnsignedShort() != want.length) {
            return false;
        }
        return java.security.MessageDigest.isEqual(want, in.readNBytes(want.length));
    }

    static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1_000) {
            throw new IOException("a list of " + n + " strings");
        }
        var out = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }

    static void writeMap(DataOutputStream out, Map<String, String> map) throws IOException {
        var flat = new ArrayList<String>();
        new TreeMap<>(map).forEach((k, v) -> {
            flat.add(k);
            flat.add(v);
        });
        writeStrings(out, flat);
    }

    static Map<String, String> readMap(DataInputStream in) throws IOException {
        var flat = readStrings(in);
        if (flat.size() % 2 != 0) {
            throw new IOException("an odd number of strings for a map");
        }
        var map = new TreeMap<String, String>();
        for (int i = 0; i < flat.size(); i += 2) {
            map.put(flat.get(i), flat.get(i + 1));
        }
        return map;
    }

    /**
     * An output stream that sends what is written to it as frames of {@code kind}; the frames of
     * several streams and the heartbeat share one connection, so each frame is written whole under
     * its lock. A client that went away (Ctrl-C) is not an error of the build: the rest is dropped.
     */
    static final class FrameStream extends OutputStream {
        private final DataOutputStream out;
        private final int kind;

        FrameStream(DataOutputStream out, int kind) {
            this.out = out;
            this.kind = kind;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (len > 0) {
                send(out, kind, b, off, len);
            }
        }
    }

    /** Writes one frame; false when the client is gone. */
    static boolean send(DataOutputStream out, int kind, byte[] b, int off, int len) {
        synchronized (out) {
            try {
                out.writeByte(kind);
                if (kind == OUT || kind == ERR) {
                    out.writeInt(len);
                    out.write(b, off, len);
                } else if (kind == EXIT) {
                    out.writeInt(len);
                }
                out.flush();
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
