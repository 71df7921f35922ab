package dev.mcd.site.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Optional;

/**
 * Where a project's build daemon listens and the secret it answers to: one small file,
 * {@code .mcd-cache/daemon/registry}, readable by its owner only (the token is what keeps other
 * users of the machine, and web pages that reach 127.0.0.1, from asking for builds).
 *
 * @param port  the daemon's TCP port on 127.0.0.1
 * @param token 64 hex digits the client sends first
 * @param pid   the daemon's process, to name it and to stop one that no longer answers
 * @param root  the project folder the daemon builds (a copied project carries the file along)
 */
public record DaemonRegistry(int port, String token, long pid, String root) {
    static final String DIR = ".mcd-cache/daemon";

    public static Path folder(Path root) {
        return root.resolve(DIR);
    }

    static Path file(Path root) {
        return folder(root).resolve("registry");
    }

    /** The daemon's log: what it printed outside the builds it ran for clients (its start, its warm-up, why it stopped). */
    public static Path log(Path root) {
        return folder(root).resolve("daemon.log");
    }

    /** The registry of {@code root}'s daemon, or empty when there is none or the file is unreadable. */
    public static Optional<DaemonRegistry> read(Path root) {
        Path f = file(root);
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            var fields = new HashMap<String, String>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    fields.put(line.substring(0, space), line.substring(space + 1));
                }
            }
            return Optional.of(new DaemonRegistry(Integer.parseInt(fields.get("port")), fields.get("token"),
                    Long.parseLong(fields.get("pid")), fields.getOrDefault("root", "")))
                    .filter(r -> r.token() != null && r.token().length() == 64 && r.port() > 0 && r.port() < 65536);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes this registry for {@code root}: owner-only from the first byte, replaced whole (never half-written). */
    void write(Path root) throws IOException {
        Path dir = folder(root);
        Files.createDirectories(dir);
        Path tmp = dir.resolve("registry." + pid + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp); // not a POSIX file system: its own ACLs apply
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create " + tmp + ": it exists", e);
        }
        Files.writeString(tmp, "port " + port + "\ntoken " + token + "\npid " + pid + "\nroot " + root + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file(root), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file(root), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Whether {@code root}'s registry still names this daemon (not removed, not replaced by a newer daemon). */
    boolean current(Path root) {
        return read(root).filter(r -> r.token().equals(token)).isPresent();
    }

    /** Removes {@code root}'s registry if it still names this daemon. */
    void remove(Path root) {
        if (current(root)) {
            try {
                Files.deleteIfExists(file(root));
            } catch (IOException e) {
                // A registry left behind names a closed port: the next client finds nobody there and starts afresh.
            }
        }
    }
}
