package dev.mcd.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits source text into tokens, e.g. {@code W_1*x'} into W_1, *, x, '; tracks 1-based lines
 * and columns as it goes so that positions cost nothing later (every bad input is reported with its line and column).
 */
final class Lexer {
    private final String src;
    private int i;
    private int line = 1;
    private int lineStart;

    private Lexer(String src) {
        this.src = src;
    }

    /** All tokens of {@code src}, the last one {@code END}. */
    static List<Token> tokens(String src) {
        return new Lexer(src).run();
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpace();
            Pos pos = pos();
            if (i >= src.length()) {
                out.add(new Token(Token.Type.END, "", pos));
                return out;
            }
            int cp = src.codePointAt(i);
            if (Names.isNameStart(cp)) {
                int start = i;
                while (i < src.length() && Names.isNamePart(src.codePointAt(i))) {
                    i += Character.charCount(src.codePointAt(i));
                }
                out.add(new Token(Token.Type.NAME, Names.normalize(src.substring(start, i)), pos));
            } else if (isDigit(cp) || (cp == '.' && isDigit(at(i + 1)))) {
                out.add(new Token(Token.Type.NUMBER, number(), pos));
            } else {
                out.add(symbol(cp, pos));
            }
        }
    }

    private Token symbol(int cp, Pos pos) {
        Token.Type type = switch (cp) {
            case '+' -> Token.Type.PLUS;
            case '-' -> Token.Type.MINUS;
            case '*' -> Token.Type.STAR;
            case '/' -> Token.Type.SLASH;
            case '^' -> Token.Type.CARET;
            case '\'' -> Token.Type.QUOTE;
            case '(' -> Token.Type.LPAREN;
            case ')' -> Token.Type.RPAREN;
            case ',' -> Token.Type.COMMA;
            case '.' -> switch (at(i + 1)) {
                case '*' -> Token.Type.DOT_STAR;
                case '/' -> Token.Type.DOT_SLASH;
                case '^' -> Token.Type.DOT_CARET;
                default -> throw new ExprException("'.' must start '.*', './' or '.^'", pos, src);
            };
            default -> throw new ExprException(Chars.isLetterOrDigit(cp)
                    ? "the character '" + new String(Character.toChars(cp)) + "' (U+" + hex4(cp)
                        + (Platform.CURRENT.characterName(cp) == null ? "" : " " + Platform.CURRENT.characterName(cp)) + ") cannot be part of a name: "
                        + "names use ASCII letters, digits, _ and Greek letters"
                    : "unknown character '" + new String(Character.toChars(cp)) + "'", pos, src);
        };
        int length = cp == '.' ? 2 : 1;
        Token token = new Token(type, src.substring(i, i + length), pos);
        i += length;
        return token;
    }

    /** Digits, an optional fraction and exponent: {@code 2}, {@code 0.5}, {@code .5}, {@code 1.0E-5}. */
    private String number() {
        int start = i;
        digits();
        // "2.*x" is 2 .* x: a point belongs to the number only when a digit follows it.
        if (at(i) == '.' && isDigit(at(i + 1))) {
            i++;
            digits();
        }
        if (at(i) == 'e' || at(i) == 'E') {
            int sign = at(i + 1) == '+' || at(i + 1) == '-' ? 1 : 0;
            if (isDigit(at(i + 1 + sign))) {
                i += 1 + sign;
                digits();
            }
        }
        return src.substring(start, i);
    }

    private void digits() {
        while (isDigit(at(i))) {
            i++;
        }
    }

    private void skipSpace() {
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            i++;
        }
    }

    private Pos pos() {
        return new Pos(line, i - lineStart + 1);
    }

    private int at(int k) {
        return k < src.length() ? src.charAt(k) : -1;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** U+0445 style: four or more upper-case hex digits (String.format is not portable to the browser build). */
    private static String hex4(int cp) {
        String h = Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT);
        return "0".repeat(Math.max(0, 4 - h.length())) + h;
    }

    /** The position of character {@code offset} of {@code src}, for errors found outside the lexer. */
    static Pos posAt(String src, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < offset && k < src.length(); k++) {
            if (src.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new Pos(line, offset - lineStart + 1);
    }
}
