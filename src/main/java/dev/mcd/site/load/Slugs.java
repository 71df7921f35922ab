package dev.mcd.site.load;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Stable heading anchors: "The $\mathrm{d}$ operator" becomes {@code the-d-operator}, a
 * repeated heading {@code the-d-operator-2}; the same text always gives the same anchor.
 */
final class Slugs {
    private final Set<String> used = new HashSet<>();

    Slugs(Set<String> reserved) {
        used.addAll(reserved);
    }

    String next(String text) {
        String base = slug(text);
        String s = base;
        for (int n = 2; !used.add(s); n++) {
            s = base + "-" + n;
        }
        return s;
    }

    static String slug(String text) {
        String plain = Normalizer.normalize(text.replaceAll("\\\\[A-Za-z]+", " "), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        var sb = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && !sb.isEmpty()) {
                    sb.append('-');
                }
                sb.append(c);
                dash = false;
            } else {
                dash = true;
            }
        }
        return sb.isEmpty() ? "section" : sb.toString();
    }
}
