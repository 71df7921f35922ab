package dev.mcd.site.directive;

import dev.mcd.site.render.IdentityTable;
import dev.mcd.site.directive.Directive.Value;
import java.util.List;
import java.util.Optional;

/** {@code ```identities} with {@code group: rules}: a catalogue group as a numbered table. */
public final class IdentitiesDirective implements DirectiveKind<IdentitiesDirective.IdentityGroup> {

    public record IdentityGroup(int offset, Value group) implements Directive {}

    @Override
    public String name() {
        return "identities";
    }

    @Override
    public Optional<IdentityGroup> parse(Body body) {
        return body.keys(List.of("group")).map(k -> new IdentityGroup(body.offset(), k.get("group")));
    }

    @Override
    public Rendered render(IdentityGroup d, RenderContext c) {
        var groups = c.index().groups();
        if (!groups.contains(d.group().text())) {
            c.problem(d.group().offset(), "unknown identity group '" + d.group().text()
                    + "' (known: " + String.join(", ", groups) + ")");
            return Rendered.of("");
        }
        return Rendered.of(IdentityTable.table(c.index(), d.group().text(), false,
                (tex, display) -> c.math().generated(tex, display, d.offset()), c.checks(), d.offset()));
    }
}
