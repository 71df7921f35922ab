package dev.mcd.expr;

/**
 * {@link Character}'s letter, digit and upper-case tests, answered by hand for ASCII, e.g.
 * {@code Chars.isLetter('x')}: in the browser build TeaVM's Character decodes its whole Unicode
 * table on the first such call (about 30 ms of derive.html's first answer), while names, numbers and
 * TeX are ASCII; any other character still asks {@link Character}, so every answer is the same.
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
}
