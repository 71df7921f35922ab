package dev.mcd.site;

import dev.mcd.site.render.MathException;
import dev.mcd.site.render.MathRenderer;

/**
 * Test-only stand-in for KaTeX: wraps the TeX in a span and rejects {@code \bad} the way KaTeX
 * does ("... at position N"), so position mapping can be tested without GraalJS.
 */
final class FakeMath implements MathRenderer {
    @Override
    public String render(String tex, boolean display) throws MathException {
        int bad = tex.indexOf("\\bad");
        if (bad >= 0) {
            throw new MathException("KaTeX parse error: Undefined control sequence: \\bad at position " + (bad + 1));
        }
        return "<span class=\"" + (display ? "katex-display" : "katex") + "\">" + Html.escape(tex) + "</span>";
    }
}
