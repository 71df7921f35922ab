package dev.mcd.site.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One publish per project at a time, across processes (a file lock) and threads (a lock per
 * project), e.g. a second {@code mcd build} started while one publishes prints one line and waits.
 * The lock file lives in the temporary folder, named by a hash of the project's real path, so the
 * project tree gets no extra file.
 */
public final class PublishLock implements AutoCloseable {
    public static final String WAITING = "another mcd build is publishing into this project; waiting for it to finish";
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private PublishLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    public static PublishLock acquire(Path root, Consumer<String> notices) throws IOException {
        Path real = root.toRealPath();
        var local = IN_THIS_JVM.computeIfAbsent(real, k -> new ReentrantLock());
        boolean told = false;
        try {
            if (!local.tryLock()) {
                notices.accept(WAITING);
                told = true;
                local.lockInterruptibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while waiting for another build");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file(real), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            while ((lock = tryLock(channel)) == null) {
                if (!told) {
                    notices.accept(WAITING);
                    told = true;
                }
                Thread.sleep(100);
            }
            return new PublishLock(local, channel, lock);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            local.unlock();
            throw new PublishException("interrupted while waiting for another build");
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            local.unlock();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM through another channel: wait like for another process
        }
    }

    static Path file(Path realRoot) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(realRoot.toString().getBytes(StandardCharsets.UTF_8));
            return Path.of(System.getProperty("java.io.tmpdir")).resolve("mcd-publish-" + HexFormat.of().formatHex(hash, 0, 8) + ".lock");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void closeQuietly(FileChannel c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException e) {
            // closing releases the lock; nothing more to do
        }
    }

    /** Whether a thread of this JVM is waiting to publish into {@code root} (tests wait on it). */
    public static boolean someoneWaits(Path root) throws IOException {
        var local = IN_THIS_JVM.get(root.toRealPath());
        return local != null && local.hasQueuedThreads();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it as well
        }
        closeQuietly(channel);
        local.unlock();
    }
}
