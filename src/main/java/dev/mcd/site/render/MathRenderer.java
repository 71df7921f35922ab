package dev.mcd.site.render;

/**
 * Turns TeX into an HTML fragment, e.g. {@code render("x^2", false)} gives KaTeX's
 * {@code <span class="katex">…</span>}; the KaTeX implementation lives in
 * {@code dev.mcd.site.katex}, tests use a fake.
 */
public interface MathRenderer {
    String render(String tex, boolean display) throws MathException;
}
