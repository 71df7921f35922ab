package dev.mcd.expr;

/**
 * {@link Character}'s letter, digit, upper-case and white-space tests (and String's strip and
 * isBlank, which use the last), answered by hand for ASCII, e.g. {@code Chars.isLetter('x')}: in
 * the browser build TeaVM's Character decodes its whole Unicode table on the first such call (tens of
 * milliseconds of derive.html's first answer), while names, numbers and TeX are ASCII; any other
 * character still asks {@link Character}, so every answer is the same.
 */
public final class Chars {
    private Chars() {}

    public static boolean isLetter(int c) {
        return c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : Character.isLetter(c);
    }

    public static boolean isDigit(int c) {
        return c < 0x80 ? c >= '0' && c <= '9' : Character.isDigit(c);
    }

    public static boolean isLetterOrDigit(int c) {
        return c < 0x80 ? isLetter(c) || isDigit(c) : Character.isLetterOrDigit(c);
    }

    public static boolean isUpperCase(int c) {
        return c < 0x80 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
    }

    /** Character.isWhitespace: for ASCII the tab, line feed, vertical tab, form feed, carriage return, 0x1C-0x1F and the space. */
    public static boolean isWhitespace(int c) {
        return c < 0x80 ? c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) : Character.isWhitespace(c);
    }

    /** {@code s.strip()}. */
    public static String strip(String s) {
        int end = s.length();
        while (end > 0 && isWhitespace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return stripLeading(s.substring(0, end));
    }

    /** {@code s.stripLeading()}. */
    public static String stripLeading(String s) {
        int start = 0;
        while (start < s.length() && isWhitespace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        return s.substring(start);
    }

    /** {@code s.isBlank()}. */
    public static boolean isBlank(String s) {
        return stripLeading(s).isEmpty();
    }
}
