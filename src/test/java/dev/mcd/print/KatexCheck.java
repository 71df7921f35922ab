package dev.mcd.print;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * KaTeX (the webjar the site renders with) in GraalJS, strict: {@code check("x^\\top^2")} answers
 * KaTeX's parse error. Tests only; the site has its own renderer.
 */
final class KatexCheck implements AutoCloseable {
    private static final String SCRIPT = "/META-INF/resources/webjars/katex/0.16.47/dist/katex.min.js";
    private final Context context;
    private final Value render;

    KatexCheck() {
        context = Context.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        try (InputStream in = KatexCheck.class.getResourceAsStream(SCRIPT)) {
            String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            context.eval(Source.newBuilder("js", js, "katex.min.js").build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        render = context.eval("js", "(tex) => katex.renderToString(tex, {throwOnError: true, strict: 'error', displayMode: true})");
    }

    /** KaTeX's complaint about the TeX, or empty when it renders. */
    Optional<String> check(String tex) {
        try {
            render.execute(tex);
            return Optional.empty();
        } catch (PolyglotException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
