package dev.mcd.expr;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@link Platform} on the JVM: deep work on a thread with a 64 MB stack (a tree 500 levels deep
 * needs about 1 MB of interpreted frames, the whole default stack of a thread). Loaded by name
 * only, so the browser build never sees it.
 */
final class JvmPlatform implements Platform {
    private static final long SIZE = 64L << 20;

    JvmPlatform() {}

    @Override
    public String characterName(int codePoint) {
        return Character.getName(codePoint);
    }

    @Override
    public <T> T runDeep(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "mcd-deep", SIZE);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        switch (failure.get()) {
            case null -> {
                return result.get();
            }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            case Throwable e -> throw new IllegalStateException(e);
        }
    }
}
