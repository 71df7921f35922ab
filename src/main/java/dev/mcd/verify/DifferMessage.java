package dev.mcd.verify;

/**
 * The parts of EqualityCheck's "the two sides differ at random point 1 of 3 (sizes ...): ...
 * expected A, got B rest" message, read by hand as the regex
 * {@code the two sides differ at (random point \d+ of \d+)(?: \(([^)]*)\))?: .*expected (\S+), got (\S+)(.*)}
 * (DOTALL, whole input) would: a regex would put the whole regex engine into the browser build.
 */
record DifferMessage(String point, String sizes, String expected, String got, String rest) {

    private static final String PREFIX = "the two sides differ at ";

    /** The parts, or null when the message is not of that form; {@code sizes} is null when absent. */
    static DifferMessage parse(String s) {
        if (!s.startsWith(PREFIX)) {
            return null;
        }
        int pointStart = PREFIX.length();
        int i = literal(s, pointStart, "random point ");
        i = digits(s, i);
        i = literal(s, i, " of ");
        i = digits(s, i);
        if (i < 0) {
            return null;
        }
        String point = s.substring(pointStart, i);
        String sizes = null;
        if (s.startsWith(" (", i)) {
            int close = s.indexOf(')', i + 2);
            if (close < 0) {
                return null;
            }
            sizes = s.substring(i + 2, close);
            i = close + 1;
        }
        i = literal(s, i, ": ");
        if (i < 0) {
            return null;
        }
        // ".*expected" is greedy: the last "expected " whose tail fits wins.
        for (int at = s.lastIndexOf("expected ", s.length()); at >= i; at = at == 0 ? -1 : s.lastIndexOf("expected ", at - 1)) {
            DifferMessage m = tail(s, at + "expected ".length(), point, sizes);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /** {@code (\S+), got (\S+)(.*)} from p: the first value runs to the first space, less its comma. */
    private static DifferMessage tail(String s, int p, String point, String sizes) {
        int q = p;
        while (q < s.length() && !space(s.charAt(q))) {
            q++;
        }
        if (q - 1 <= p || !s.startsWith(", got ", q - 1)) {
            return null;
        }
        int r = q - 1 + ", got ".length();
        int end = r;
        while (end < s.length() && !space(s.charAt(end))) {
            end++;
        }
        if (end == r) {
            return null;
        }
        return new DifferMessage(point, sizes, s.substring(p, q - 1), s.substring(r, end), s.substring(end));
    }

    private static int literal(String s, int i, String text) {
        return i >= 0 && s.startsWith(text, i) ? i + text.length() : -1;
    }

    /** Past one or more ASCII digits (the regex's \d), or -1. */
    private static int digits(String s, int i) {
        if (i < 0) {
            return -1;
        }
        int j = i;
        while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
            j++;
        }
        return j > i ? j : -1;
    }

    /** The regex's \s: space, tab, line breaks, vertical tab, form feed. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
