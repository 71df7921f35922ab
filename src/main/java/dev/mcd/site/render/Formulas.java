package dev.mcd.site.render;

import dev.mcd.site.Html;
import dev.mcd.site.Problems;
import dev.mcd.site.SourceFile;

/**
 * Renders TeX for one page and reports what the renderer rejects at the formula's place in the
 * file, e.g. {@code content/a.md:4:12: KaTeX parse error: Undefined control sequence: \fracc}.
 */
public final class Formulas {
    private final MathRenderer renderer;
    private final SourceFile file;
    private final Problems problems;

    Formulas(MathRenderer renderer, SourceFile file, Problems problems) {
        this.renderer = renderer;
        this.file = file;
        this.problems = problems;
    }

    /** TeX written by the author at {@code texOffset}: a KaTeX position maps into the file. */
    public String authored(String tex, boolean display, int texOffset) {
        try {
            return noErrorMarkup(renderer.render(tex, display));
        } catch (MathException e) {
            int at = e.atEndOfInput() ? texOffset + tex.length()
                    : texOffset + Math.max(0, Math.min(tex.length(), e.texPosition().orElse(1) - 1));
            problems.add(file.problemAt(at, e.summary()));
            return fallback(tex);
        }
    }

    /**
     * Display maths written by the author ({@code $$...$$}), set as display-style inline maths in
     * a block of its own: KaTeX's display mode never breaks a line, inline maths breaks after a
     * top-level relation or operator, so a wide equation wraps on a phone instead of scrolling.
     * An equation number ({@code \tag}) exists only in display mode, which such a formula keeps.
     */
    String authoredDisplay(String tex, int texOffset) {
        // Rendered as written first, so that an error names the author's own position.
        String display = authored(tex, true, texOffset);
        if (tex.contains("\\tag") || display.startsWith(FALLBACK)) {
            return display;
        }
        try {
            return "<span class=\"math-display scroll-x\">" + renderer.render("\\displaystyle " + tex, false) + "</span>";
        } catch (MathException e) {
            return display; // valid only in display mode: it keeps KaTeX's display
        }
    }

    /** TeX produced by the engine for a directive at {@code offset}: a failure is the printer's. */
    public String generated(String tex, boolean display, int offset) {
        try {
            return noErrorMarkup(renderer.render(tex, display));
        } catch (MathException e) {
            problems.add(file.problemAt(offset, "cannot render the engine's TeX '" + tex + "': " + e.summary()));
            return fallback(tex);
        }
    }

    private static final String FALLBACK = "<code class=\"math-error\">";

    /**
     * KaTeX's red error text must never reach a page: the renderer is set to throw instead, and
     * this second guard turns any {@code katex-error} markup that still comes back into a problem.
     */
    private static String noErrorMarkup(String html) throws MathException {
        if (html.contains("katex-error")) {
            throw new MathException("KaTeX returned error markup instead of maths");
        }
        return html;
    }

    private static String fallback(String tex) {
        return FALLBACK + Html.escape(tex) + "</code>";
    }
}
