package dev.mcd.site.directive;

import dev.mcd.site.engine.DerivationException;
import dev.mcd.site.directive.Directive.Value;
import dev.mcd.site.directive.DirectiveKind.Numbered;
import java.util.Optional;

/**
 * A parsed block together with its kind, so that rendering it needs no switch over the kinds:
 * e.g. a {@code derive} block's record and {@code DeriveDirective}.
 */
public record Block<D extends Directive>(DirectiveKind<D> kind, D directive) {

    public int offset() {
        return directive.offset();
    }

    public Optional<Numbered> numbered() {
        return kind.numbered(directive);
    }

    /**
     * The block's HTML; an engine error becomes a problem at the position inside the value it
     * names, and the block an empty error box (the page is not published anyway).
     */
    public Rendered render(RenderContext context) {
        try {
            return kind.render(directive, context);
        } catch (DerivationException e) {
            context.problem(positionOf(e), e.reason());
        } catch (RuntimeException e) {
            // An engine bug must not hide the other problems of the run; report it here.
            context.problem(directive.offset(), "internal error: " + e);
        }
        return Rendered.of("<div class=\"directive-error\"></div>");
    }

    private int positionOf(DerivationException e) {
        Optional<Value> v = kind.valueOf(directive, e);
        return v.map(val -> val.offset() + Math.max(0, Math.min(val.text().length(), e.pos().column() - 1)))
                .orElse(directive.offset());
    }
}
