package dev.mcd.site.directive;

import dev.mcd.site.Html;
import dev.mcd.site.render.IdentityTable;
import dev.mcd.site.load.References;
import dev.mcd.site.directive.Directive.Value;
import java.util.List;
import java.util.Optional;

/** {@code ```identity} with {@code id: inverse-rule}: one catalogue entry, displayed with its number and badge. */
public final class IdentityDirective implements DirectiveKind<IdentityDirective.IdentityRef> {

    public record IdentityRef(int offset, Value id) implements Directive {}

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public Optional<IdentityRef> parse(Body body) {
        return body.keys(List.of("id")).map(k -> new IdentityRef(body.offset(), k.get("id")));
    }

    @Override
    public Rendered render(IdentityRef d, RenderContext c) {
        var identities = c.index().identities();
        var v = identities.get("eq:" + d.id().text());
        v = v != null ? v : identities.get("fact:" + d.id().text());
        if (v == null) {
            c.problem(d.id().offset(), "unknown identity '" + d.id().text() + "'");
            return Rendered.of("");
        }
        String tex = v.statementTex() + (v.number() > 0 ? " \\tag{" + v.number() + "}" : "");
        return Rendered.of("<div class=\"identity\"><div class=\"identity-math\">" + c.math().generated(tex, true, d.offset())
                + "</div><div class=\"identity-name\">" + References.link(c.refs().target(v)) + " "
                + Html.escape(v.name()) + " " + IdentityTable.mark(v, c.checks(), d.offset()) + "</div></div>\n");
    }
}
