package dev.mcd.site.load;

import dev.mcd.site.Problems;
import dev.mcd.site.SourceFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds {@code $...$} and {@code $$...$$} outside code and replaces each by a token such as
 * {@code mcdmath3x} that Markdown leaves alone (so {@code $a_1 * b_1$} never becomes emphasis);
 * {@link #original(int)} maps an offset in the masked text back to the file.
 */
public record MathSpans(String masked, List<Span> spans, int[] maskedStarts, int[] originalStarts, int[] lengths) {
    public static final Pattern TOKEN = Pattern.compile("mcdmath(\\d+)x");

    /** One formula: original offsets of the whole span (delimiters included) and of the TeX. */
    public record Span(int index, int start, int end, int texStart, String tex, boolean display) {
        public String token() {
            return "mcdmath" + index + "x";
        }
    }

    /** Half-open offset ranges [start, end) that hold code, where {@code $} is literal. */
    public record Range(int start, int end) {}

    public static MathSpans find(SourceFile file, String text, List<Range> code, Problems problems) {
        var sorted = code.stream().sorted((a, b) -> Integer.compare(a.start, b.start)).toList();
        var spans = new ArrayList<Span>();
        var out = new StringBuilder(text.length());
        var mStarts = new ArrayList<Integer>();
        var oStarts = new ArrayList<Integer>();
        int segStart = 0;
        int ci = 0;
        int i = 0;
        while (i < text.length()) {
            while (ci < sorted.size() && sorted.get(ci).end <= i) {
                ci++;
            }
            if (ci < sorted.size() && sorted.get(ci).start <= i) {
                i = sorted.get(ci).end;
                continue;
            }
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                i += 2;
                continue;
            }
            if (c != '$') {
                i++;
                continue;
            }
            boolean display = i + 1 < text.length() && text.charAt(i + 1) == '$';
            int open = display ? 2 : 1;
            int close = closing(text, i + open, display, sorted);
            if (close < 0) {
                if (display) {
                    problems.add(file.problemAt(i, "display math '$$' is not closed before a blank line"));
                }
                i += open;
                continue;
            }
            String tex = text.substring(i + open, close);
            if (tex.isBlank()) {
                problems.add(file.problemAt(i, "empty math"));
            }
            var span = new Span(spans.size(), i, close + open, i + open, tex, display);
            spans.add(span);
            mStarts.add(out.length());
            oStarts.add(segStart);
            out.append(text, segStart, i);
            out.append(span.token());
            segStart = span.end();
            i = span.end();
        }
        mStarts.add(out.length());
        oStarts.add(segStart);
        out.append(text, segStart, text.length());
        int n = mStarts.size();
        var lengths = new int[n];
        for (int k = 0; k < n; k++) {
            int oEnd = k < spans.size() ? spans.get(k).start() : text.length();
            lengths[k] = oEnd - oStarts.get(k);
        }
        return new MathSpans(out.toString(), List.copyOf(spans),
                mStarts.stream().mapToInt(Integer::intValue).toArray(),
                oStarts.stream().mapToInt(Integer::intValue).toArray(), lengths);
    }

    /** Where the formula opened just before {@code from} closes, or -1 (none in this paragraph). */
    private static int closing(String text, int from, boolean display, List<Range> code) {
        if (!display && (from >= text.length() || Character.isWhitespace(text.charAt(from)))) {
            return -1;
        }
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\\') {
                j++;
                continue;
            }
            if (c == '\n' && blankLineFollows(text, j + 1)) {
                return -1;
            }
            if (inCode(j, code)) {
                return -1;
            }
            if (c != '$') {
                continue;
            }
            if (display) {
                if (j + 1 < text.length() && text.charAt(j + 1) == '$') {
                    return j;
                }
            } else if (!Character.isWhitespace(text.charAt(j - 1))
                    && !(j + 1 < text.length() && Character.isDigit(text.charAt(j + 1)))) {
                return j;
            }
        }
        return -1;
    }

    private static boolean blankLineFollows(String text, int at) {
        for (int j = at; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\n') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean inCode(int offset, List<Range> code) {
        for (Range r : code) {
            if (r.start <= offset && offset < r.end) {
                return true;
            }
        }
        return false;
    }

    /** The file offset of a masked-text offset; inside a token it is the formula's start. */
    public int original(int maskedOffset) {
        int k = Arrays.binarySearch(maskedStarts, maskedOffset);
        if (k < 0) {
            k = -k - 2;
        }
        if (k < 0) {
            return maskedOffset;
        }
        int delta = maskedOffset - maskedStarts[k];
        return delta <= lengths[k] ? originalStarts[k] + delta : spans.get(k).start();
    }
}
