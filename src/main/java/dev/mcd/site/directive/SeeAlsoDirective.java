package dev.mcd.site.directive;

import dev.mcd.site.load.References;
import dev.mcd.site.directive.Directive.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code ```see-also}: where to read on, one link a line written as in prose, {@code [](pca.md)},
 * {@code [](method.md#the-recipe)} or {@code [](#eq:product-rule)}. Each entry is named by its target
 * (the page's title, "eq. (10)", "Example 2 in Basics"), so a renamed page or renumbered identity
 * never leaves a stale name behind.
 */
public final class SeeAlsoDirective implements DirectiveKind<SeeAlsoDirective.SeeAlso> {
    private static final Pattern LINK = Pattern.compile("\\[]\\(([^()\\s]+)\\)");

    public record SeeAlso(int offset, List<Value> links) implements Directive {}

    @Override
    public String name() {
        return "see-also";
    }

    @Override
    public Optional<SeeAlso> parse(Body body) {
        var links = new ArrayList<Value>();
        boolean ok = true;
        for (var line : body.lines()) {
            int lead = Body.leading(line.text());
            var m = LINK.matcher(line.text().strip());
            if (m.matches()) {
                links.add(new Value(m.group(1), line.offset() + lead + m.start(1)));
            } else if (!line.text().isBlank()) {
                body.problem(line.offset() + lead, "expected one link a line in see-also, e.g. [](pca.md) or [](#eq:product-rule)");
                ok = false;
            }
        }
        if (ok && links.isEmpty()) {
            body.problem(body.offset(), "see-also needs at least one link, e.g. [](pca.md)");
            ok = false;
        }
        return ok ? Optional.of(new SeeAlso(body.offset(), List.copyOf(links))) : Optional.empty();
    }

    @Override
    public Rendered render(SeeAlso d, RenderContext c) {
        var sb = new StringBuilder("<div class=\"see-also\"><p class=\"see-also-title\">See also</p><ul>");
        for (Value link : d.links()) {
            target(link, c).ifPresent(t -> sb.append("<li>").append(References.link(t)).append("</li>"));
        }
        return Rendered.of(sb.append("</ul></div>\n").toString());
    }

    /** A reference ({@code #eq:}, {@code #fact:}, {@code #ex:}) or a content page, optionally with an anchor. */
    private static Optional<References.Target> target(Value link, RenderContext c) {
        String url = link.text();
        if (References.isReference(url)) {
            var t = c.refs().resolve(url);
            if (t.isEmpty()) {
                c.problem(link.offset(), c.refs().unknown(url));
            }
            return t;
        }
        int hash = url.indexOf('#');
        String path = hash < 0 ? url : url.substring(0, hash);
        String out = path.endsWith(".md") && !path.contains("/") ? path.substring(0, path.length() - 3) + ".html" : "";
        var page = c.index().page(out);
        if (page.isEmpty()) {
            c.problem(link.offset(), "broken link: no page content/" + path);
            return Optional.empty();
        }
        if (hash >= 0 && !c.index().anchors().get(out).contains(url.substring(hash + 1))) {
            c.problem(link.offset() + hash + 1, "broken link: no anchor '" + url.substring(hash + 1) + "' in " + path);
            return Optional.empty();
        }
        return Optional.of(new References.Target(hash < 0 ? out : out + url.substring(hash), page.get().frontMatter().title()));
    }
}
