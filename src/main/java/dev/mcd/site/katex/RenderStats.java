package dev.mcd.site.katex;

/**
 * What a {@link KatexRenderer} did so far, e.g. {@code RenderStats[requests=40, memoryHits=12,
 * diskHits=25, jsRenders=3]}: 40 calls, 28 distinct formulas, 3 of them actually run through KaTeX.
 */
public record RenderStats(int requests, int memoryHits, int diskHits, int jsRenders) {
}
