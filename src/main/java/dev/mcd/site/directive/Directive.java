package dev.mcd.site;

import java.util.List;
import java.util.Optional;

/**
 * A fenced block the site expands, e.g. {@code ```derive} with {@code expr: x'*x} and
 * {@code wrt: x}; every value remembers its file offset so errors point into the block.
 */
public sealed interface Directive {
    /** Offset of the opening fence's info string, where "missing key" problems point. */
    int offset();

    /** A value as written (comment removed, trimmed) and the file offset of its first character. */
    record Value(String text, int offset) {}

    /** {@code title} (optional) names the example after its number: "Example 5: output weights". */
    record Derive(int offset, Optional<Value> id, Value expr, Value wrt, Optional<Value> where,
                  Optional<Value> expect, Optional<Value> title, Optional<Value> layouts,
                  Optional<Value> names, Optional<Value> autoNames) implements Directive {}

    /** One link of a chain: {@code lhs = rhs}, {@code = rhs} or an expression, with its why. */
    record ChainLine(Value expr, Value justification) {}

    /** {@code fixed} (optional) lists names held constant in the chain, so that their differential is 0. */
    record Steps(int offset, Optional<Value> id, Optional<Value> where, List<ChainLine> lines,
                 Optional<Value> title, Optional<Value> fixed) implements Directive {
        public Steps {
            lines = List.copyOf(lines);
        }
    }

    /** {@code ```identity} with {@code id: inverse-rule}: one catalogue entry shown with its number. */
    record IdentityRef(int offset, Value id) implements Directive {}

    /** {@code ```identities} with {@code group: rules}: a catalogue group as a table. */
    record IdentityGroup(int offset, Value group) implements Directive {}

    /**
     * {@code ```unchecked} with {@code reason: a definition} and then TeX lines: a displayed statement
     * the engine cannot check, shown with a visible "not machine-checked" mark and its reason.
     */
    record Unchecked(int offset, Value reason, Value tex) implements Directive {}

    /** The directive names, the info strings of fenced blocks that the site expands. */
    List<String> NAMES = List.of("derive", "steps", "identity", "identities", "unchecked");
}
