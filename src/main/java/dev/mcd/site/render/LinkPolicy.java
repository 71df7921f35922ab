package dev.mcd.site.render;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which link targets a page may carry: http, https, mailto, and relative paths or anchors, e.g.
 * {@code [x](javascript:alert(1))} or {@code <img src="data:...">} is refused. The scheme is read
 * the way a browser reads it (tabs, newlines and leading blanks ignored, any case), so
 * {@code " Java\tScript:..."} is refused too.
 */
final class LinkPolicy {
    static final Set<String> SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    private LinkPolicy() {}

    /** Why {@code url} may not be published, or empty when it may. */
    static Optional<String> refusal(String url) {
        // WHATWG URL parsing strips leading/trailing C0 controls and spaces and removes tabs and newlines anywhere.
        String u = url.replaceAll("[\\t\\n\\r]", "").replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "");
        var m = SCHEME.matcher(u);
        if (!m.find()) {
            return Optional.empty();
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (SCHEMES.contains(scheme)) {
            return Optional.empty();
        }
        return Optional.of(scheme + ": links are not allowed (only http, https, mailto and relative links)");
    }
}
