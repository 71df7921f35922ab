package dev.mcd.expr;

import java.util.Objects;

/**
 * A problem with an expression at a position, shown as the message, the source line and a caret:
 * <pre>
 * 1:7: expected ')' but found end of input
 *   tr(X*Y
 *         ^
 * </pre>
 * Subclasses say which stage found it; the site prefixes the file and shifts the position.
 */
public class ExprException extends RuntimeException {
    private final Pos pos;
    private final String source;

    public ExprException(String message, Pos pos, String source) {
        super(message);
        this.pos = Objects.requireNonNull(pos);
        this.source = source == null ? "" : source;
    }

    public Pos pos() {
        return pos;
    }

    /** The whole source text the position refers to. */
    public String source() {
        return source;
    }

    /** The bare message, without position or caret. */
    public String reason() {
        return getMessage();
    }

    /** The line the position points into, without its line break. */
    public String sourceLine() {
        // Walked by hand, not split: String.split compiles a regex, and the browser build would carry the whole regex engine.
        int start = 0;
        for (int line = 1; line < pos.line(); line++) {
            int nl = source.indexOf('\n', start);
            if (nl < 0) {
                return "";
            }
            start = nl + 1;
        }
        int end = source.indexOf('\n', start);
        return source.substring(start, end < 0 ? source.length() : end);
    }

    /** {@code line:col: message}, the source line and a caret under the column. */
    public String render() {
        String line = sourceLine();
        int caretCol = Math.min(pos.column(), line.length() + 1);
        String shown = line.length() > 200 ? line.substring(Math.max(0, caretCol - 100), Math.min(line.length(), caretCol + 100)) : line;
        int shift = line.length() > 200 ? Math.max(0, caretCol - 100) : 0;
        return pos + ": " + getMessage() + "\n  " + shown + "\n  " + " ".repeat(Math.max(0, caretCol - 1 - shift)) + "^";
    }
}
