package dev.mcd.print;

import dev.mcd.expr.Chars;

/**
 * A piece of TeX and how tightly it binds, e.g. {@code \mathbf{W}\mathbf{x}+\mathbf{b}} at
 * {@link #SUM}, so that a surrounding operator knows whether it needs parentheses.
 */
record Tex(String text, int prec) {
    /** {@code a+b}, {@code a-b}. */
    static final int SUM = 1;
    /** {@code -a}, a negative number. */
    static final int NEG = 2;
    /** {@code \circ}, {@code \oslash}, {@code \otimes}: looser than juxtaposition, as in the tutorial's {@code (dl/dy)W_2 \circ \sigma'(...)}. */
    static final int ELEMENTWISE = 3;
    /** Juxtaposition, fractions and differentials. */
    static final int PRODUCT = 4;
    /** A superscript: {@code ^\top}, {@code ^{-1}}, {@code ^2}; cannot take a second one. */
    static final int POSTFIX = 5;
    /** Names, numbers, function applications, delimited forms such as {@code |\mathbf{X}|}. */
    static final int ATOM = 6;

    static Tex atom(String text) {
        return new Tex(text, ATOM);
    }

    /** This TeX, in parentheses when it binds looser than {@code min}. */
    String at(int min) {
        return prec >= min ? text : paren(text);
    }

    /** Parentheses that grow with a tall content (a fraction inside). */
    static String paren(String inner) {
        return inner.contains("\\frac") ? "\\left(" + inner + "\\right)" : "(" + inner + ")";
    }

    /**
     * Concatenates TeX so that a control word never runs into a following letter:
     * {@code \top} then {@code t} becomes {@code \top t}, not the unknown {@code \topt}.
     */
    static String cat(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            if (endsWithControlWord(out) && Chars.isLetter(part.charAt(0))) {
                out.append(' ');
            }
            out.append(part);
        }
        return out.toString();
    }

    static boolean endsWithControlWord(CharSequence s) {
        int i = s.length() - 1;
        while (i >= 0 && Chars.isLetter(s.charAt(i))) {
            i--;
        }
        // A run of letters preceded by an unescaped backslash is a control word.
        return i >= 0 && i < s.length() - 1 && s.charAt(i) == '\\' && (i == 0 || s.charAt(i - 1) != '\\');
    }
}
