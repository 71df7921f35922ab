package dev.mcd.site;

import java.util.Arrays;

/**
 * A project text file and its line starts, so an offset such as the {@code W} of
 * {@code expr: tr(W)} on line 12 becomes the problem {@code content/a.md:12:10}.
 */
public record SourceFile(String path, String text, int[] lineStarts) {
    public SourceFile {
        lineStarts = lineStarts.clone();
    }

    public static SourceFile of(String path, String text) {
        var starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return new SourceFile(path, text, Arrays.copyOf(starts, n));
    }

    /** The 1-based line of an offset. */
    public int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, text.length())));
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The 1-based column of an offset (in UTF-16 units, as editors count for BMP text). */
    public int columnOf(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        return clamped - lineStarts[lineOf(clamped) - 1] + 1;
    }

    /** The offset of a 1-based line and column. */
    public int offsetOf(int line, int column) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length) - 1)] + column - 1;
    }

    /** Line {@code n} (1-based) without its line break. */
    public String line(int n) {
        if (n < 1 || n > lineStarts.length) {
            return "";
        }
        int end = n < lineStarts.length ? lineStarts[n] - 1 : text.length();
        String s = text.substring(lineStarts[n - 1], Math.max(lineStarts[n - 1], end));
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    public Problem problemAt(int offset, String message) {
        return problemAt(lineOf(offset), columnOf(offset), message);
    }

    public Problem problemAt(int line, int column, String message) {
        return new Problem(path, line, column, message, line(line));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceFile s && s.path.equals(path) && s.text.equals(text);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + text.hashCode();
    }

    @Override
    public String toString() {
        return "SourceFile[" + path + "]";
    }
}
