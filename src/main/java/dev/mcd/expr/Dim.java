package dev.mcd.expr;

/**
 * One size of a shape: a known number, or a symbol such as {@code n_x} that the shape
 * checker unifies across an expression ({@code x'*A*x} makes A's rows and columns n_x).
 */
public sealed interface Dim {
    /** A concrete size, e.g. 1 for the columns of a vector. */
    record Fixed(int size) implements Dim {
        public Fixed {
            if (size < 1) {
                throw new IllegalArgumentException("sizes are positive: " + size);
            }
        }

        @Override
        public String toString() {
            return Integer.toString(size);
        }
    }

    /** A size known only by name until unified or chosen. */
    record Sym(String name) implements Dim {
        @Override
        public String toString() {
            return name;
        }
    }

    Dim ONE = new Fixed(1);
}
