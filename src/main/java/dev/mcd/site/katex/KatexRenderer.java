package dev.mcd.site.katex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-side KaTeX 0.16.47 in GraalJS with an on-disk cache, e.g.
 * {@code try (var k = new KatexRenderer(Path.of(".mcd-cache/katex"))) { k.render("x^\\top A x", false); }}
 * gives {@code <span class="katex">…</span>} (HTML + MathML); each distinct formula is rendered at
 * most once per renderer and never again while its cache entry exists (KATEX.md: ≈4.7 ms each
 * interpreted, so a warm cache turns seconds into milliseconds).
 */
public final class KatexRenderer implements AutoCloseable {
    /** The KaTeX release the site renders with, e.g. for the derive page's client-side script. */
    public static final String KATEX_VERSION = KatexScript.VERSION;

    private final RenderCache cache;
    private final KatexEngine engine = new KatexEngine();
    private final ExecutorService workers;
    private final ConcurrentHashMap<String, CompletableFuture<String>> rendered = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger memoryHits = new AtomicInteger();
    private final AtomicInteger diskHits = new AtomicInteger();
    private final AtomicInteger jsRenders = new AtomicInteger();
    private volatile boolean closed;

    /** One worker (and GraalJS context) per core, at most two: more contexts only add memory on this machine. */
    public KatexRenderer(Path cacheDir) {
        this(cacheDir, Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
    }

    /**
     * Starts the engine at once on a worker thread so its start-up overlaps the caller's other
     * work — unless the cache already holds entries: then a build is likely all hits, and the
     * engine (≈1.6 s of CPU on one of two cores) starts only at the first miss.
     */
    public KatexRenderer(Path cacheDir, int workerThreads) {
        if (workerThreads < 1) {
            throw new IllegalArgumentException("need at least one worker, got " + workerThreads);
        }
        this.cache = new RenderCache(cacheDir);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workerThreads,
                r -> Thread.ofPlatform().daemon().name("katex-" + n.incrementAndGet()).unstarted(r));
        if (!cache.hasEntries()) {
            startEngine();
        }
    }

    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

    private void startEngine() {
        if (started.compareAndSet(false, true)) {
            workers.execute(engine::warmUp);
        }
    }

    /** The KaTeX release this renderer runs; its CSS and fonts must come from the same release. */
    public static String katexVersion() {
        return KatexScript.VERSION;
    }

    /** Renders TeX to KaTeX's HTML+MathML; {@code display} selects display (block) style. */
    public String render(String tex, boolean display) throws KatexException {
        try {
            return renderAsync(tex, display).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof KatexException k) {
                throw new KatexException(k.getMessage(), k.tex(), k.position(), k.length());
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * Starts rendering on the worker pool so a caller with many formulas keeps both cores busy;
     * completes exceptionally with a {@link KatexException} for TeX that KaTeX rejects.
     */
    public CompletableFuture<String> renderAsync(String tex, boolean display) {
        if (closed) {
            throw new IllegalStateException("KatexRenderer is closed");
        }
        requests.incrementAndGet();
        String key = RenderCache.key(tex, display);
        var fresh = new CompletableFuture<String>();
        var earlier = rendered.putIfAbsent(key, fresh);
        if (earlier != null) {
            memoryHits.incrementAndGet();
            return earlier;
        }
        Optional<String> stored = cache.read(key);
        if (stored.isPresent()) {
            diskHits.incrementAndGet();
            fresh.complete(stored.get());
            return fresh;
        }
        startEngine();
        workers.execute(() -> {
            try {
                jsRenders.incrementAndGet();
                String html = engine.render(tex, display);
                cache.write(key, html);
                fresh.complete(html);
            } catch (KatexException | RuntimeException | Error e) {
                fresh.completeExceptionally(e);
            }
        });
        return fresh;
    }

    public RenderStats stats() {
        return new RenderStats(requests.get(), memoryHits.get(), diskHits.get(), jsRenders.get());
    }

    /** Where cache entries live, one {@code <sha256>.html} file each. */
    public Path cacheDir() {
        return cache.dir();
    }

    /** Paths (relative to the folder given to {@link #copyAssets}) of the CSS and fonts a page needs, sorted. */
    public static List<String> assetPaths() {
        return KatexAssets.paths();
    }

    /** katex.min.css (woff2 sources only) and the fonts it names, keyed by {@link #assetPaths()}. */
    public static java.util.SortedMap<String, byte[]> assetFiles() {
        return KatexAssets.files();
    }

    /** Writes katex.min.css and its woff2 fonts under {@code targetDir}; files already identical are left untouched. */
    public static List<Path> copyAssets(Path targetDir) throws IOException {
        return KatexAssets.copyTo(targetDir);
    }

    /**
     * Closes the GraalJS contexts and engine before returning. A fully cached build never started
     * the engine and returns at once; otherwise this waits for queued renders. Closing on a
     * background thread instead raced the JVM's exit, and polyglot's shutdown hook then failed
     * with "AssertionError: The log handler is closed" (3 of 100 builds with errors).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        workers.shutdown();
        if (!started.get()) {
            return;
        }
        try {
            if (workers.awaitTermination(1, TimeUnit.MINUTES)) {
                engine.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
