package dev.mcd.site.katex;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import dev.mcd.site.Profile;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * KaTeX loaded into GraalJS: one shared {@link Engine} (so the parsed katex.min.js is reused)
 * and one {@link Context} per calling thread, e.g. {@code engine.render("x^2", false)} on a worker
 * thread. Measured (KATEX.md): the first context costs ≈1.6 s, each further one 30–60 ms.
 */
final class KatexEngine {
    /** What all contexts share: the engine and the very same Source objects, so katex.min.js is parsed once. */
    private record Shared(Engine engine, Source katex, Source factory) {
    }

    private final CompletableFuture<Shared> shared = new CompletableFuture<>();
    private final ThreadLocal<Value> renderFunction = new ThreadLocal<>();
    private final List<Context> contexts = new ArrayList<>();

    /**
     * Builds the engine and this thread's context; meant to run first on a worker thread. Even
     * creating a Source loads the polyglot implementation (≈2 s measured under load), so nothing
     * of GraalJS is touched on the constructing thread.
     */
    void warmUp() {
        long t = Profile.start();
        try {
            shared.complete(new Shared(
                    Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build(),
                    Source.newBuilder("js", readWebjar("katex.min.js"), "katex.min.js").cached(true).buildLiteral(),
                    Source.newBuilder("js", KatexScript.RENDER_FACTORY, "mcd-katex-render.js").cached(true).buildLiteral()));
        } catch (RuntimeException | Error e) {
            shared.completeExceptionally(e);
            throw e;
        }
        Profile.since("katex.engine-start", t);
        renderFunction();
    }

    /** Renders on the calling thread's own context, creating it on first use. */
    String render(String tex, boolean display) throws KatexException {
        Value result;
        Value fn = renderFunction();
        long t = Profile.start();
        try {
            result = fn.execute(tex, display);
        } catch (PolyglotException e) {
            // Not a ParseError (those come back as objects): an internal KaTeX failure.
            String why = String.valueOf(e.getMessage()).contains("Maximum call stack size exceeded")
                    ? "the TeX is nested too deeply" : e.getMessage();
            throw new KatexException("KaTeX failed: " + why, tex, 0, 0);
        } finally {
            Profile.since("katex.render", t);
        }
        if (result.isString()) {
            return result.asString();
        }
        throw new KatexException(result.getMember("message").asString(), tex,
                result.getMember("position").asInt(), result.getMember("length").asInt());
    }

    private Value renderFunction() {
        Value fn = renderFunction.get();
        if (fn == null) {
            Shared s = shared.join();
            long t = Profile.start();
            Context context = Context.newBuilder("js").engine(s.engine()).allowAllAccess(false).build();
            synchronized (contexts) {
                contexts.add(context);
            }
            context.eval(s.katex());
            Value katex = context.getBindings("js").getMember("katex");
            fn = context.eval(s.factory()).execute(katex);
            Profile.since("katex.context+load", t);
            renderFunction.set(fn);
        }
        return fn;
    }

    /** Call only when no thread uses a context any more (the worker pool has terminated). */
    void close() {
        synchronized (contexts) {
            contexts.forEach(Context::close);
            contexts.clear();
        }
        if (shared.isDone() && !shared.isCompletedExceptionally()) {
            shared.join().engine().close();
        }
    }

    static String readWebjar(String name) {
        return new String(openWebjar(name), StandardCharsets.UTF_8);
    }

    static byte[] openWebjar(String name) {
        String path = KatexScript.WEBJAR_DIST + name;
        try (InputStream in = KatexEngine.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("KaTeX webjar missing from the classpath: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
