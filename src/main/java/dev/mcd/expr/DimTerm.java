package dev.mcd.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A resolved size: a constant times symbols, e.g. {@code m_A·m_B} for the rows of
 * {@code kron(A, B)} or 6 for {@code kron} of 2- and 3-row matrices.
 */
record DimTerm(long constant, List<String> symbols) {
    DimTerm {
        symbols = List.copyOf(symbols);
    }

    DimTerm times(DimTerm other) {
        List<String> all = new ArrayList<>(symbols);
        all.addAll(other.symbols);
        return new DimTerm(Math.multiplyExact(constant, other.constant), all);
    }

    /** Equal as products: symbols compared as a multiset. */
    boolean sameProduct(DimTerm other) {
        return constant == other.constant && sorted().equals(other.sorted());
    }

    List<String> sorted() {
        return symbols.stream().sorted().toList();
    }

    boolean isConstant() {
        return symbols.isEmpty();
    }

    Dim toDim() {
        if (symbols.isEmpty()) {
            return new Dim.Fixed(Math.toIntExact(constant));
        }
        String product = String.join("·", symbols);
        return new Dim.Sym(constant == 1 ? product : constant + "·" + product);
    }

    /** The concrete size once every symbol has one; null when some symbol has none. */
    Integer instantiate(Map<String, Integer> sizes) {
        long n = constant;
        for (String s : symbols) {
            Integer size = sizes.get(s);
            if (size == null) {
                return null;
            }
            n = Math.multiplyExact(n, size);
        }
        return Math.toIntExact(n);
    }
}
