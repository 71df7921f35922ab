package dev.mcd.site.render;

import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * The policy for raw HTML in Markdown: it is published as written only when every element and
 * attribute is on jsoup's {@link Safelist#relaxed()} allowlist (plus a few harmless text tags and
 * {@code class}/{@code id}/{@code title}) and every link passes {@link LinkPolicy}; anything else,
 * e.g. {@code <script>} or {@code <img onerror=...>}, is a build error at its position. Nothing is
 * silently dropped, so what the author sees in review is what is published.
 */
public final class RawHtml {
    /** Relative links resolve against this made-up origin so the allowlist's protocol check accepts them. */
    private static final String BASE = "https://mcd.invalid/";
    private static final Set<String> IMPLIED = Set.of("html", "head", "body");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "cite", "longdesc", "action", "formaction",
            "poster", "background", "srcset", "xlink:href");
    static final Safelist ALLOWED = Safelist.relaxed()
            .removeProtocols("a", "href", "ftp")
            .addTags("abbr", "del", "details", "figcaption", "figure", "hr", "ins", "kbd", "mark", "s", "samp", "summary", "var")
            .addAttributes(":all", "class", "id", "title", "lang", "dir")
            .preserveRelativeLinks(true);

    /** A refusal: {@code offset} into the checked HTML and what is wrong there. */
    public record Refusal(int offset, String message) {}

    private RawHtml() {}

    /** Why this piece of raw HTML may not be published, or empty when every part of it is allowed. */
    public static Optional<Refusal> check(String html) {
        var parser = Parser.htmlParser().setTrackPosition(true);
        var doc = Jsoup.parse(html, BASE, parser);
        for (Element el : doc.getAllElements()) {
            String tag = el.normalName();
            int at = Math.max(0, el.sourceRange().startPos());
            if (el == doc) {
                continue;
            }
            if (IMPLIED.contains(tag)) {
                if (!el.sourceRange().isImplicit() || el.attributesSize() > 0) {
                    return Optional.of(new Refusal(at, "raw HTML <" + tag + "> is not allowed"));
                }
                continue;
            }
            if (!ALLOWED.isSafeTag(tag)) {
                return Optional.of(new Refusal(at, "raw HTML <" + tag + "> is not allowed" + hint()));
            }
            for (Attribute a : el.attributes()) {
                String key = a.getKey();
                if (URL_ATTRIBUTES.contains(key.toLowerCase(java.util.Locale.ROOT))) {
                    var why = LinkPolicy.refusal(a.getValue());
                    if (why.isPresent()) {
                        return Optional.of(new Refusal(at, why.get()));
                    }
                }
                if (!ALLOWED.isSafeAttribute(tag, el, a.clone())) {
                    return Optional.of(new Refusal(at, "attribute '" + key + "' on <" + tag + "> is not allowed in raw HTML"));
                }
            }
        }
        return Optional.empty();
    }

    private static String hint() {
        return " (raw HTML may use only formatting tags such as <span>, <div>, <table>, <details>; see CONTRIBUTING.md)";
    }
}
