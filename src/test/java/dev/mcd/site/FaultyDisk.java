package dev.mcd.site;

import dev.mcd.site.publish.Disk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real disk with one operation made to fail, e.g. {@code new FaultyDisk().killAt(4)} stops the
 * publish dead before its fifth change (like {@code kill -9}: no clean-up runs), {@code .fullAt(3)}
 * answers the third write with "No space left on device", {@code .noExchange()} forces the two-rename path.
 */
final class FaultyDisk implements Disk {
    /** Stands for the process dying: not an IOException, so no catch block of the publisher runs. */
    static final class Killed extends RuntimeException {
        Killed(int step) {
            super("killed before step " + step);
        }
    }

    private final AtomicInteger steps = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private int killAt = -1;
    private int fullAt = -1;
    private boolean exchange = true;
    private boolean readOnly;
    private long writeDelayMillis;

    FaultyDisk killAt(int step) {
        this.killAt = step;
        return this;
    }

    FaultyDisk fullAt(int write) {
        this.fullAt = write;
        return this;
    }

    FaultyDisk noExchange() {
        this.exchange = false;
        return this;
    }

    FaultyDisk readOnlyOutput() {
        this.readOnly = true;
        return this;
    }

    FaultyDisk slowWrites(long millis) {
        this.writeDelayMillis = millis;
        return this;
    }

    /** Changes made so far (each directory creation, write, rename, swap or tree deletion is one). */
    int steps() {
        return steps.get();
    }

    private void step() {
        int n = steps.getAndIncrement();
        if (n == killAt) {
            throw new Killed(n);
        }
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        step();
        LOCAL.createDirectories(dir);
    }

    @Override
    public void write(Path file, byte[] bytes) throws IOException {
        step();
        if (writes.incrementAndGet() == fullAt) {
            throw new IOException("No space left on device");
        }
        if (writeDelayMillis > 0) {
            try {
                Thread.sleep(writeDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOCAL.write(file, bytes);
    }

    @Override
    public void move(Path from, Path to) throws IOException {
        step();
        LOCAL.move(from, to);
    }

    @Override
    public boolean exchange(Path a, Path b) throws IOException {
        if (!exchange) {
            return false;
        }
        step();
        return LOCAL.exchange(a, b);
    }

    @Override
    public void deleteTree(Path dir) throws IOException {
        step();
        LOCAL.deleteTree(dir);
    }

    @Override
    public void checkWritable(Path dir) throws IOException {
        if (readOnly) {
            throw new java.nio.file.AccessDeniedException(dir.resolve("katex").toString(), null, "read-only folder");
        }
        LOCAL.checkWritable(dir);
    }
}
