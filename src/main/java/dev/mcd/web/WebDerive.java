package dev.mcd.web;

import dev.mcd.verify.VerifiedDerive;
import org.teavm.jso.JSExport;

/**
 * The engine's entry point in the browser (compiled to JavaScript by TeaVM in {@code mvn package}):
 * {@code derive("x'*x", "x", "")} returns the JSON that {@code mcd derive --format json} prints,
 * or {@code {"error":{...}}} for a refused request, so a page never sees a Java exception.
 */
public final class WebDerive {
    private WebDerive() {}

    @JSExport
    public static String derive(String expr, String wrt, String where) {
        try {
            return DeriveJson.of(VerifiedDerive.run(expr, wrt, where == null ? "" : where, ""));
        } catch (VerifiedDerive.RequestException e) {
            return DeriveJson.error(e);
        } catch (RuntimeException | StackOverflowError e) {
            // a bug in the engine or a stack the browser ran out of: one line, never a trace
            return "{\"error\":{\"part\":\"expr\",\"where\":\"in the engine\",\"line\":1,\"column\":1,\"message\":"
                    + Json.write("internal error: " + e.getClass().getSimpleName()) + "}}";
        }
    }

    /** TeaVM needs an entry class with a main; the page calls {@link #derive} instead. */
    public static void main(String[] args) {
        // nothing to start: the worker calls derive per request
    }
}
