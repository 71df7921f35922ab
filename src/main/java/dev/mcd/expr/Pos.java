package dev.mcd.expr;

/** A 1-based line and column in some source text, e.g. 1:5 for the {@code W} in {@code tr(W)}. */
public record Pos(int line, int column) {
    public Pos {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
