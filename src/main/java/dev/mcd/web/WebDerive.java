package dev.mcd.web;

import dev.mcd.verify.VerifiedDerive;
import org.teavm.jso.JSExport;

/**
 * The engine's entry point in the browser (compiled to JavaScript by TeaVM in {@code mvn package}),
 * in two calls so that derive.html shows the steps before the numerical check is done:
 * {@code derive("x'*x", "x", "")} returns the first part of the JSON that {@code mcd derive --format json}
 * prints (up to the result, {@link DeriveJson#derived}) and keeps the derivation; {@code verify()} then
 * verifies it and returns the rest ({@link DeriveJson#checked}: layouts, NumPy, verification).
 * {@link DeriveJson#join} of the two is the command line's document ({@link #complete}). Either call
 * answers {@code {"error":{...}}} for a refused request (a failed check included), so a page never sees a
 * Java exception. One request at a time: the worker runs one.
 */
public final class WebDerive {
    private WebDerive() {}

    /** What the last {@link #derive} derived, for {@link #verify}; null when there is nothing to verify. */
    private static VerifiedDerive.Derived last;

    @JSExport
    public static String derive(String expr, String wrt, String where) {
        last = null;
        try {
            VerifiedDerive.Derived d = VerifiedDerive.derive(expr, wrt, where == null ? "" : where);
            String json = DeriveJson.derived(d);
            last = d;
            return json;
        } catch (VerifiedDerive.RequestException e) {
            return DeriveJson.error(e);
        } catch (RuntimeException | StackOverflowError e) {
            return internal(e);
        }
    }

    /** Verifies what the last {@link #derive} answered (once); an error when it answered an error. */
    @JSExport
    public static String verify() {
        VerifiedDerive.Derived d = last;
        last = null;
        if (d == null) {
            return "{\"error\":{\"part\":\"expr\",\"where\":\"in the engine\",\"line\":1,\"column\":1,\"message\":"
                    + "\"internal error: nothing derived to verify\"}}";
        }
        try {
            return DeriveJson.checked(VerifiedDerive.verify(d, ""));
        } catch (VerifiedDerive.RequestException e) {
            return DeriveJson.error(e);
        } catch (RuntimeException | StackOverflowError e) {
            return internal(e);
        }
    }

    /**
     * The whole answer in one call, as {@code mcd derive --format json} prints it (or the error): what
     * {@link #derive} and {@link #verify} give together, for the JVM's side of the parity test. Not in the bundle.
     */
    public static String complete(String expr, String wrt, String where) {
        try {
            return DeriveJson.of(VerifiedDerive.run(expr, wrt, where == null ? "" : where, ""));
        } catch (VerifiedDerive.RequestException e) {
            return DeriveJson.error(e);
        } catch (RuntimeException | StackOverflowError e) {
            return internal(e);
        }
    }

    /** A bug in the engine or a stack the browser ran out of: one line, never a trace. */
    private static String internal(Throwable e) {
        return "{\"error\":{\"part\":\"expr\",\"where\":\"in the engine\",\"line\":1,\"column\":1,\"message\":"
                + Json.write("internal error: " + e.getClass().getSimpleName()) + "}}";
    }

    /** TeaVM needs an entry class with a main; the page calls {@link #derive} and {@link #verify} instead. */
    public static void main(String[] args) {
        // nothing to start: the worker calls derive and verify per request
    }
}
