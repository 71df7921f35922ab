package dev.mcd.expr;

/** Rows by columns, each a {@link Dim}: a vector is n×1, a scalar 1×1, X' of p×q is q×p. */
public record Shape(Dim rows, Dim cols) {
    public static final Shape SCALAR = new Shape(Dim.ONE, Dim.ONE);

    public boolean isScalar() {
        return rows.equals(Dim.ONE) && cols.equals(Dim.ONE);
    }

    public Shape transposed() {
        return new Shape(cols, rows);
    }

    @Override
    public String toString() {
        return rows + "×" + cols;
    }
}
