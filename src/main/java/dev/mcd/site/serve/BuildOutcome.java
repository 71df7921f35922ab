package dev.mcd.site.serve;

/**
 * How one preview build ended, e.g. {@code new Failed("content/intro.md:12:7: unknown function 'foo'")}:
 * the server then shows that text on every page until a later build succeeds.
 */
public sealed interface BuildOutcome {
    /** A finished build; {@code summary} is a line for the console, e.g. "12 pages in 840 ms". */
    record Built(String summary) implements BuildOutcome {
        public Built {
            summary = summary == null ? "" : summary;
        }
    }

    /** A build that stopped on problems; {@code message} is shown verbatim (escaped) in the browser. */
    record Failed(String message) implements BuildOutcome {
        public Failed {
            message = message == null || message.isBlank() ? "build failed" : message;
        }
    }
}
