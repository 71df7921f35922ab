package dev.mcd.site.render;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A formula's TeX as plain text for search snippets, so a snippet reads "write df = tr(G dX)"
 * instead of leaving a hole: e.g. {@code \mathrm{d}f = \operatorname{tr}(G\,\mathrm{d}X)} gives
 * {@code df = tr(G dX)}, {@code \mathbf{x}^\top} gives {@code x'}. Only for reading: never parsed back.
 */
final class TexText {
    private TexText() {}

    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("partial", "∂"), Map.entry("cdot", "·"), Map.entry("circ", "∘"), Map.entry("otimes", "⊗"),
            Map.entry("times", "×"), Map.entry("sum", "Σ"), Map.entry("le", "≤"), Map.entry("ge", "≥"),
            Map.entry("leq", "≤"), Map.entry("geq", "≥"), Map.entry("ne", "≠"), Map.entry("neq", "≠"), Map.entry("to", "→"),
            Map.entry("in", "∈"), Map.entry("infty", "∞"), Map.entry("approx", "≈"), Map.entry("quad", " "), Map.entry("qquad", " "),
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"), Map.entry("lambda", "λ"), Map.entry("mu", "μ"), Map.entry("sigma", "σ"),
            Map.entry("theta", "θ"), Map.entry("phi", "φ"), Map.entry("Lambda", "Λ"), Map.entry("Sigma", "Σ"),
            Map.entry("Delta", "Δ"), Map.entry("top", "'"), Map.entry("prime", "'"), Map.entry("lVert", "‖"),
            Map.entry("rVert", "‖"), Map.entry("Vert", "‖"), Map.entry("|", "‖"), Map.entry("vert", "|"), Map.entry("lvert", "|"),
            Map.entry("rvert", "|"));
    private static final java.util.Set<String> BINARY = java.util.Set.of("cdot", "circ", "otimes", "times", "le", "ge", "leq",
            "geq", "ne", "neq", "to", "in", "approx");
    private static final Pattern FRAC = Pattern.compile("\\\\[dt]?frac\\{([^{}]*)\\}\\{([^{}]*)\\}");
    private static final Pattern WRAPPER = Pattern.compile(
            "\\\\(?:mathrm|mathbf|boldsymbol|operatorname|mathit|text|textrm|mathbb|mathcal|bm|tag)\\{([^{}]*)\\}");
    /** A control word eats the spaces after it, as in TeX ({@code \\partial f} is "∂f"). */
    private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z]+)\\s*|\\\\(.)");

    static String of(String tex) {
        String s = tex;
        for (int round = 0; round < 4; round++) { // inner groups first: \frac{\mathrm{d}f}{\mathrm{d}x}
            String before = s;
            s = WRAPPER.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
            s = FRAC.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "/" + m.group(2)));
            if (s.equals(before)) {
                break;
            }
        }
        s = s.replaceAll("\\^\\{?\\\\top\\}?\\s*", "'").replace("^{-1}", "⁻¹");
        String in = s;
        s = COMMAND.matcher(s).replaceAll(m -> {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String sym = SYMBOLS.get(name);
            if (sym != null) {
                return Matcher.quoteReplacement(BINARY.contains(name) ? " " + sym + " " : sym);
            }
            if (name.matches("log|det|tr|exp|sin|cos|tanh|ln|max|min") && m.end() < in.length()
                    && (Character.isLetter(in.charAt(m.end())) || in.charAt(m.end()) == '\\')) {
                return name + " "; // \log\det(X) is "log det(X)"
            }
            // spacing (\, \; \!), sizes and alignment (\left, \big, \displaystyle) vanish; a name stays
            return name.length() == 1 || name.matches("left|right|[bB]igg?[lr]?|displaystyle|textstyle|allowbreak|nolimits|limits")
                    ? (name.equals(",") || name.equals(";") ? " " : "") : Matcher.quoteReplacement(name);
        });
        s = s.replace("{", "").replace("}", "").replace("&", "").replace("~", " ");
        return s.replaceAll("\\s+", " ").strip();
    }
}
