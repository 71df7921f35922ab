package dev.mcd.print;

import dev.mcd.expr.Chars;
import dev.mcd.expr.Kind;
import java.util.Map;

/**
 * Names in the tutorial's notation (its section on notation): {@code Sigma_2} of a matrix is
 * {@code \boldsymbol{\Sigma}_2}, {@code W1} is {@code \mathbf{W}_1}, a scalar {@code t} stays
 * italic {@code t}, Greek names become Greek letters.
 */
final class LatexNames {
    private LatexNames() {}

    /** Lower- and upper-case Greek letters KaTeX has commands for, by name and by character. */
    private static final Map<String, String> GREEK = greek();

    /** Upper-case Greek letters that look like Latin ones have no KaTeX command of their own. */
    private static final Map<String, String> LATIN_LOOKALIKES = Map.ofEntries(
            Map.entry("Alpha", "A"), Map.entry("Beta", "B"), Map.entry("Epsilon", "E"),
            Map.entry("Zeta", "Z"), Map.entry("Eta", "H"), Map.entry("Iota", "I"),
            Map.entry("Kappa", "K"), Map.entry("Mu", "M"), Map.entry("Nu", "N"),
            Map.entry("Omicron", "O"), Map.entry("Rho", "P"), Map.entry("Tau", "T"),
            Map.entry("Chi", "X"));

    /**
     * A name read as base, then an optional {@code _sub} or trailing digits (W1 reads as W_1, as the
     * tutorial writes it): letters, then nothing, {@code _} and letters, digits or {@code _}, or digits.
     * Read by hand, not by a regex, which would put the whole regex engine into the browser build.
     */
    record Name(String base, String sub) {
        /** The parts, or null when the name is not of that form; {@code sub} is null when absent. */
        static Name parse(String name) {
            int p = 0;
            while (p < name.length() && Chars.isLetter(name.codePointAt(p))) {
                p += Character.charCount(name.codePointAt(p));
            }
            if (p == 0) {
                return null;
            }
            String base = name.substring(0, p);
            String rest = name.substring(p);
            if (rest.isEmpty()) {
                return new Name(base, null);
            }
            if (rest.charAt(0) == '_' && rest.length() > 1 && all(rest, 1, true)) {
                return new Name(base, rest.substring(1));
            }
            return all(rest, 0, false) ? new Name(base, rest) : null;
        }

        /** From i on, all decimal digits, or (withLetters) all letters, decimal digits or {@code _}. */
        private static boolean all(String s, int i, boolean withLetters) {
            while (i < s.length()) {
                int cp = s.codePointAt(i);
                boolean ok = Chars.isDigit(cp) || (withLetters && (cp == '_' || Chars.isLetter(cp)));
                if (!ok) {
                    return false;
                }
                i += Character.charCount(cp);
            }
            return true;
        }
    }

    private static Map<String, String> greek() {
        String[] lower = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
            "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi",
            "chi", "psi", "omega"};
        String chars = "αβγδεζηθικλμνξοπρστυφχψω";
        var map = new java.util.HashMap<String, String>();
        for (int i = 0; i < lower.length; i++) {
            String cmd = lower[i].equals("omicron") ? "o" : "\\" + lower[i];
            map.put(lower[i], cmd);
            map.put(String.valueOf(chars.charAt(i)), cmd);
        }
        map.put("ς", "\\varsigma");
        String[] upper = {"Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega"};
        String upperChars = "ΓΔΘΛΞΠΣΥΦΨΩ";
        for (int i = 0; i < upper.length; i++) {
            map.put(upper[i], "\\" + upper[i]);
            map.put(String.valueOf(upperChars.charAt(i)), "\\" + upper[i]);
        }
        return Map.copyOf(map);
    }

    /** A value's name styled by its kind: italic scalar, bold vector or matrix. */
    static String value(String name, Kind kind) {
        return styled(name, kind != Kind.SCALAR);
    }

    /** A function's symbol such as {@code l}, {@code \sigma}: never bold. */
    static String function(String name) {
        return styled(name, false);
    }

    /** True when the name prints as a word ({@code \mathit{loss}}) that juxtaposition would blur. */
    static boolean isWord(String name) {
        Name n = Name.parse(name);
        return n != null && letters(n.base()) == null;
    }

    private static String styled(String name, boolean bold) {
        Name n = Name.parse(name);
        if (n == null) {
            return "\\text{" + escapeText(name) + "}";
        }
        String base = n.base();
        String sub = n.sub();
        String symbol = letters(base);
        String tex;
        if (symbol == null) {
            tex = (bold ? "\\mathbf{" : "\\mathit{") + base + "}";
        } else if (!bold) {
            tex = symbol;
        } else if (symbol.startsWith("\\")) {
            tex = "\\boldsymbol{" + symbol + "}";
        } else {
            tex = "\\mathbf{" + symbol + "}";
        }
        return sub == null ? tex : tex + "_" + subscript(sub);
    }

    /** The TeX of a one-letter or Greek base, or null for a longer word. */
    private static String letters(String base) {
        if (GREEK.containsKey(base)) {
            return GREEK.get(base);
        }
        if (LATIN_LOOKALIKES.containsKey(base)) {
            return LATIN_LOOKALIKES.get(base);
        }
        if (base.length() == 1 && base.charAt(0) < 128) {
            return base;
        }
        return null;
    }

    private static String subscript(String sub) {
        StringBuilder out = new StringBuilder();
        for (String part : parts(sub)) {
            if (part.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(',');
            }
            String symbol = letters(part);
            if (symbol != null || part.chars().allMatch(Character::isDigit)) {
                out.append(symbol != null ? symbol : part);
            } else {
                out.append("\\mathrm{").append(part).append('}');
            }
        }
        String s = out.toString();
        return s.length() == 1 ? s : "{" + s + "}";
    }

    /** The pieces between underscores (empty ones included; the caller skips them), without String.split's regex. */
    private static java.util.List<String> parts(String s) {
        var parts = new java.util.ArrayList<String>();
        int start = 0;
        for (int u = s.indexOf('_'); u >= 0; u = s.indexOf('_', start)) {
            parts.add(s.substring(start, u));
            start = u + 1;
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static String escapeText(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '_', '#', '$', '%', '&' -> out.append('\\').append(c);
                case '^' -> out.append("\\textasciicircum{}");
                case '~' -> out.append("\\textasciitilde{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
