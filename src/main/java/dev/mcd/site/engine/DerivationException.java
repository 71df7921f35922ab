package dev.mcd.site.engine;

import dev.mcd.expr.Pos;

/**
 * The engine rejected a directive, at a position inside one of its values, e.g. key
 * {@code expr}, position 1:7, "unknown function 'foo'". Chain lines are key {@code line}
 * with their 0-based {@code index}.
 */
public final class DerivationException extends Exception {
    private final String key;
    private final int index;
    private final Pos pos;

    public DerivationException(String key, int index, Pos pos, String reason) {
        super(reason);
        this.key = key;
        this.index = index;
        this.pos = pos;
    }

    public DerivationException(String key, Pos pos, String reason) {
        this(key, 0, pos, reason);
    }

    public String key() {
        return key;
    }

    public int index() {
        return index;
    }

    /** 1-based line and column inside the value (line 1 for one-line values). */
    public Pos pos() {
        return pos;
    }

    public String reason() {
        return getMessage();
    }
}
