package dev.mcd.site;

/**
 * Renders TeX for one page and reports what the renderer rejects at the formula's place in the
 * file, e.g. {@code content/a.md:4:12: KaTeX parse error: Undefined control sequence: \fracc}.
 */
final class Formulas {
    private final MathRenderer renderer;
    private final SourceFile file;
    private final Problems problems;

    Formulas(MathRenderer renderer, SourceFile file, Problems problems) {
        this.renderer = renderer;
        this.file = file;
        this.problems = problems;
    }

    /** TeX written by the author at {@code texOffset}: a KaTeX position maps into the file. */
    String authored(String tex, boolean display, int texOffset) {
        try {
            return noErrorMarkup(renderer.render(tex, display));
        } catch (MathException e) {
            int at = e.atEndOfInput() ? texOffset + tex.length()
                    : texOffset + Math.max(0, Math.min(tex.length(), e.texPosition().orElse(1) - 1));
            problems.add(file.problemAt(at, e.summary()));
            return fallback(tex);
        }
    }

    /** TeX produced by the engine for a directive at {@code offset}: a failure is the printer's. */
    String generated(String tex, boolean display, int offset) {
        try {
            return noErrorMarkup(renderer.render(tex, display));
        } catch (MathException e) {
            problems.add(file.problemAt(offset, "cannot render the engine's TeX '" + tex + "': " + e.summary()));
            return fallback(tex);
        }
    }

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
        return "<code class=\"math-error\">" + Html.escape(tex) + "</code>";
    }
}
