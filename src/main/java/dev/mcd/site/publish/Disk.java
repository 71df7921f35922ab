package dev.mcd.site.publish;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The file operations a publish makes, one method each, so that tests can fail or "kill" any one
 * of them (a full disk at the third write, a kill between two renames); {@link #LOCAL} is the real one.
 */
public interface Disk {
    void createDirectories(Path dir) throws IOException;

    void write(Path file, byte[] bytes) throws IOException;

    /** A rename within one folder; atomic where the file system allows it. */
    void move(Path from, Path to) throws IOException;

    /** Swaps two existing paths in one atomic step; false when the system cannot (then nothing happened). */
    boolean exchange(Path a, Path b) throws IOException;

    void deleteTree(Path dir) throws IOException;

    /** Throws when a folder under {@code dir} cannot be changed, so its replacement would fail halfway. */
    void checkWritable(Path dir) throws IOException;

    Disk LOCAL = new Disk() {
        @Override
        public void createDirectories(Path dir) throws IOException {
            Files.createDirectories(dir);
        }

        @Override
        public void write(Path file, byte[] bytes) throws IOException {
            Files.write(file, bytes);
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to);
            }
        }

        @Override
        public boolean exchange(Path a, Path b) throws IOException {
            return RenameExchange.exchange(a, b);
        }

        @Override
        public void deleteTree(Path dir) throws IOException {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }

        @Override
        public void checkWritable(Path dir) throws IOException {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.filter(Files::isDirectory).sorted().toList()) {
                    if (!Files.isWritable(p)) {
                        throw new AccessDeniedException(p.toString(), null, "read-only folder");
                    }
                }
            }
        }
    };
}
