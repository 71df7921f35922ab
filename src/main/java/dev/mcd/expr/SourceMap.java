package dev.mcd.expr;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each node of a parsed tree was written, by node identity, e.g. the {@code Mul} of
 * {@code A*x} at 1:1 with its {@code *} at 1:2. Kept beside the tree so that equal expressions
 * stay equal records; trees the engine builds have an {@link #empty()} map.
 */
public final class SourceMap {
    private static final SourceMap EMPTY = new SourceMap("", new IdentityHashMap<>(), new IdentityHashMap<>());

    private final String source;
    private final Map<Expr, Pos> starts;
    private final Map<Expr, List<Pos>> operators;

    SourceMap(String source, IdentityHashMap<Expr, Pos> starts, IdentityHashMap<Expr, List<Pos>> operators) {
        this.source = source;
        this.starts = starts;
        this.operators = operators;
    }

    public static SourceMap empty() {
        return EMPTY;
    }

    /** The position of the first token of {@code node}; for {@code a - b} the Neg of b is at the '-'. */
    public Optional<Pos> of(Expr node) {
        return Optional.ofNullable(starts.get(node));
    }

    /**
     * The position of operator {@code index} of {@code node}: the one between operand {@code index}
     * and the next ({@code +}, {@code *}, {@code .*}, {@code ^}, ...); for {@code X^-1}, an Inv, the {@code ^}.
     */
    public Optional<Pos> operator(Expr node, int index) {
        List<Pos> ops = operators.get(node);
        return ops != null && index >= 0 && index < ops.size() ? Optional.of(ops.get(index)) : Optional.empty();
    }

    /** Operator {@code index} of {@code node} if known, else the node's start, else 1:1. */
    public Pos operatorOrStart(Expr node, int index) {
        return operator(node, index).or(() -> of(node)).orElse(new Pos(1, 1));
    }

    /** The text the positions refer to ("" for the empty map). */
    public String source() {
        return source;
    }

    /** How many nodes have a position. */
    public int size() {
        return starts.size();
    }
}
