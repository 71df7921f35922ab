package dev.mcd.site.katex;

/**
 * TeX that KaTeX rejects, e.g. {@code \frac{a} } gives "KaTeX parse error: Expected group after
 * '\frac' at position 9: …" with {@link #position()} 9 (1-based, into the TeX; 0 when KaTeX
 * names no position) so the site can point at file:line:col.
 */
public final class KatexException extends Exception {
    private final String tex;
    private final int position;
    private final int length;

    public KatexException(String message, String tex, int position, int length) {
        super(message);
        this.tex = tex;
        this.position = position;
        this.length = length;
    }

    /** The TeX that failed, exactly as given to the renderer. */
    public String tex() {
        return tex;
    }

    /** 1-based offset of the offending token in {@link #tex()} (UTF-16 units, as KaTeX counts); 0 if unknown. */
    public int position() {
        return position;
    }

    /** Length of the offending token in UTF-16 units; 0 if unknown. */
    public int length() {
        return length;
    }
}
