package dev.mcd.site.directive;

import dev.mcd.site.engine.DerivationException;
import dev.mcd.site.directive.Directive.Value;
import java.util.Optional;

/**
 * One kind of directive, everything about it in one class: its name (the fence's info string),
 * how its body is read, how it is shown, what it adds to the site index. A new directive is a new
 * implementation listed in {@link Directives#ALL}, e.g. {@code see-also}.
 *
 * @param <D> the record a block of this kind parses to
 */
public interface DirectiveKind<D extends Directive> {
    /** The info string that opens a block of this kind, e.g. {@code derive}. */
    String name();

    /** The block, or empty after {@code body} was told every problem. */
    Optional<D> parse(Body body);

    /** The block's HTML and, for a numbered example, its entry in the examples index. */
    Rendered render(D directive, RenderContext context) throws DerivationException;

    /** The id and title that number the block as an example ({@code ex:id}); empty for most kinds. */
    default Optional<Numbered> numbered(D directive) {
        return Optional.empty();
    }

    /** The value an engine error points into (it names the key), e.g. {@code expr} of a derive block. */
    default Optional<Value> valueOf(D directive, DerivationException error) {
        return Optional.empty();
    }

    /** A block that is an example: its id ({@code ex:id}) and optional title ("Example 5: title"). */
    record Numbered(Value id, Optional<Value> title) {}
}
