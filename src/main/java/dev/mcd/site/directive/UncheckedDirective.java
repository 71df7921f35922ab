package dev.mcd.site.directive;

import dev.mcd.site.render.Checks;
import dev.mcd.site.Html;
import dev.mcd.site.directive.Body.Line;
import dev.mcd.site.directive.Directive.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ```unchecked} with {@code reason: a definition} and then TeX lines: a displayed statement
 * the engine cannot check, shown with a visible "not machine-checked" mark and its reason.
 */
public final class UncheckedDirective implements DirectiveKind<UncheckedDirective.Unchecked> {

    public record Unchecked(int offset, Value reason, Value tex) implements Directive {}

    @Override
    public String name() {
        return "unchecked";
    }

    /** {@code reason:} first, then the statement's TeX on the remaining lines (no {@code $$}). */
    @Override
    public Optional<Unchecked> parse(Body body) {
        var lines = body.lines();
        var head = new ArrayList<Line>();
        int i = 0;
        while (i < lines.size() && (lines.get(i).text().isBlank() || Body.KEY.matcher(lines.get(i).text().strip()).lookingAt()
                && lines.get(i).text().strip().startsWith("reason"))) {
            head.add(lines.get(i));
            i++;
        }
        var tex = new StringBuilder();
        int texAt = i < lines.size() ? lines.get(i).offset() : body.offset();
        for (int j = i; j < lines.size(); j++) {
            tex.append(lines.get(j).text()).append('\n');
        }
        var keys = body.keys(head, List.of("reason"));
        if (tex.isEmpty() || tex.toString().isBlank()) {
            body.problem(body.offset(), "unchecked needs the statement's TeX on the lines after 'reason:'");
            return Optional.empty();
        }
        if (tex.toString().contains("$$")) {
            body.problem(texAt + tex.indexOf("$$"), "write the TeX of an unchecked block without '$$'");
            return Optional.empty();
        }
        return keys.map(k -> new Unchecked(body.offset(), k.get("reason"), new Value(tex.toString().stripTrailing(), texAt)));
    }

    @Override
    public Rendered render(Unchecked d, RenderContext c) {
        String what = d.tex().text().strip().replaceAll("\\s+", " ");
        String shown = c.math().authored(d.tex().text(), true, d.tex().offset());
        String mark = c.checks().marked(Checks.Kind.DISPLAY, what, shown, d.reason().text(), d.offset());
        return Rendered.of("<div class=\"unchecked-statement\">" + shown
                + "<p class=\"unchecked-reason\">" + mark + " " + Html.escape(d.reason().text()) + "</p></div>\n");
    }
}
