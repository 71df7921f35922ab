package dev.mcd.site;

import java.util.Comparator;

/**
 * One build problem at a place in a project file, printed like a compiler error:
 * <pre>
 * content/intro.md:12:7: unknown function 'foo'
 *   expr: foo(x)
 *         ^
 * </pre>
 * {@code line} and {@code column} are 1-based; 0 means "the whole file".
 */
public record Problem(String file, int line, int column, String message, String sourceLine)
        implements Comparable<Problem> {
    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line).thenComparingInt(Problem::column)
            .thenComparing(Problem::message);

    public Problem {
        sourceLine = sourceLine == null ? "" : sourceLine;
    }

    public static Problem ofFile(String file, String message) {
        return new Problem(file, 0, 0, message, "");
    }

    /** {@code file:line:col: message}, then the source line and a caret when there is one. */
    public String render() {
        if (line == 0) {
            return file + ": " + message;
        }
        String head = file + ":" + line + ":" + column + ": " + message;
        if (sourceLine.isEmpty()) {
            return head;
        }
        String shown = sourceLine.replace('\t', ' ');
        int caret = Math.max(0, Math.min(column - 1, shown.length()));
        return head + "\n  " + shown + "\n  " + " ".repeat(caret) + "^";
    }

    @Override
    public int compareTo(Problem o) {
        return ORDER.compare(this, o);
    }
}
