package dev.mcd.expr;

import java.util.Map;
import java.util.Set;

/**
 * The spelling rules for names, e.g. {@code Σ_1} is the same name as {@code Sigma_1}: Greek letters
 * are stored spelled out in ASCII so that {@code σ(X)} and {@code sigma(X)} are equal expressions
 * (the LaTeX printer turns spelled names back into Greek).
 */
final class Names {
    private Names() {}

    /** Names the language itself gives a meaning; they cannot be declared. */
    static final Set<String> RESERVED = Set.of("I", "ones", "d", "inv", "kron", "unvec", "rows", "cols");

    private static final String[] LOWER = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta",
        "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "sigma",
        "tau", "upsilon", "phi", "chi", "psi", "omega"};

    // Variant letter forms people paste from other documents.
    private static final Map<Integer, String> VARIANTS = Map.of(
        0x03F5, "epsilon", 0x03D1, "theta", 0x03D5, "phi", 0x03D6, "pi", 0x03F1, "rho");

    /**
     * ASCII letters and Greek letters only: a Cyrillic х or a fullwidth ｘ looks like x but would be
     * another variable (and the same name once exported to Python), so such letters are errors.
     */
    static boolean isNameStart(int cp) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || greek(cp) != null;
    }

    static boolean isNamePart(int cp) {
        return isNameStart(cp) || (cp >= '0' && cp <= '9') || cp == '_';
    }

    /** The ASCII spelling of a Greek letter, or null when {@code cp} is not one. */
    static String greek(int cp) {
        if (cp >= 0x03B1 && cp <= 0x03C9) {
            return LOWER[cp - 0x03B1];
        }
        if (cp >= 0x0391 && cp <= 0x03A9 && cp != 0x03A2) {
            String lower = LOWER[cp - 0x0391];
            return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        }
        return VARIANTS.get(cp);
    }

    /** {@code name} with every Greek letter spelled out. */
    static String normalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            String spelled = greek(cp);
            if (spelled != null) {
                out.append(spelled);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Whether {@code name} (already normalized) is a name of some built-in function. */
    static boolean isFunction(String name) {
        return name.equals("inv") || name.equals("kron") || name.equals("unvec") || name.equals("rows") || name.equals("cols")
                || Fn.bySource(name).isPresent();
    }

    /** Whether the generic element-wise function sigma is meant. */
    static boolean isSigma(String name) {
        return name.equals("sigma");
    }

    static boolean isIdentifier(String text) {
        if (text.isEmpty() || !isNameStart(text.codePointAt(0))) {
            return false;
        }
        return text.codePoints().allMatch(Names::isNamePart);
    }
}
