package dev.mcd.print;

import dev.mcd.expr.Chars;

/**
 * Possible line breaks inside printed TeX: the printer marks each factor boundary of a product
 * with {@link #MARK}; {@link #allowed} turns the marks into {@code \allowbreak}, {@link #removed}
 * drops them, e.g. {@code \mathbf{A}^\top MARK \mathbf{x}} gives {@code \mathbf{A}^\top\allowbreak \mathbf{x}}
 * or {@code \mathbf{A}^\top\mathbf{x}}. The mark is a control character no TeX source contains.
 */
final class Breaks {
    static final String MARK = "\u0001";

    private Breaks() {}

    /**
     * With {@code \allowbreak} at the marks, and fixed-size parentheses for the stretchy ones the
     * printer puts around a fraction: KaTeX sets {@code \left(...\right)} as one unbreakable box,
     * while {@code \biggl(...\biggr)} (the height of a display-style fraction) leaves what is
     * between them at the top level, where it may break.
     */
    static String allowed(String tex) {
        return tex.replace(MARK, "\\allowbreak ").replace("\\left(", "\\biggl(").replace("\\right)", "\\biggr)");
    }

    /** Without the marks; a space stays where a control word would otherwise run into a letter. */
    static String removed(String tex) {
        if (!tex.contains(MARK)) {
            return tex;
        }
        StringBuilder out = new StringBuilder(tex.length());
        for (int i = 0; i < tex.length(); i++) {
            char c = tex.charAt(i);
            if (c != MARK.charAt(0)) {
                out.append(c);
            } else if (i + 1 < tex.length() && Chars.isLetter(tex.charAt(i + 1)) && Tex.endsWithControlWord(out)) {
                out.append(' ');
            }
        }
        return out.toString();
    }
}
