package dev.mcd.calculus;

import java.util.ArrayList;
import java.util.List;

/**
 * The words beside a derivation step, made in one place for the site, {@code mcd derive} and the
 * browser: e.g. the product-rule step is "eq. (10)" in plain text and "product rule" on a page,
 * where the number and every helper fact are links shown beside these words.
 */
public final class Justification {
    private Justification() {}

    /** Where the words stand, which decides what they must say themselves. */
    public enum Style {
        /** Plain text, nothing linked: "eq. (10)" for numbered identities, a helper fact by its name. */
        CITED,
        /** Beside links to every cited identity: the numbered identities' names only, "product rule". */
        NAMED
    }

    /** The justification of {@code s}; with no citation at all, the rule's own id. */
    public static String of(Step s, Style style) {
        List<String> parts = new ArrayList<>();
        for (int n : s.equations()) {
            parts.add(switch (style) {
                case CITED -> "eq. (" + n + ")";
                case NAMED -> Catalogue.byNumber(n).map(Identity::name).orElse("eq. (" + n + ")");
            });
        }
        if (style == Style.CITED) {
            for (String f : s.facts()) {
                parts.add(Catalogue.byId(f).map(Identity::name).orElse(f));
            }
        }
        if (!parts.isEmpty()) {
            return String.join(", ", parts);
        }
        return switch (style) {
            case CITED -> s.rule();
            // a helper fact is linked by its name beside the words, so naming it here would repeat it
            case NAMED -> s.facts().isEmpty() ? s.rule().replace('-', ' ') : "";
        };
    }
}
