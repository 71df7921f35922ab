package dev.mcd.expr;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The checked shapes of one tree, every size resolved after unification, e.g. for {@code x'*A*x}
 * x is n_x×1 and A n_x×n_x. Kronecker products of symbolic sizes show as {@code m_A·m_B}.
 */
public final class Shapes {
    private final Map<Expr, Shape> nodes;
    private final Map<String, Shape> variables;
    private final Map<String, List<DimTerm>> terms;
    private final SortedSet<String> symbols;

    Shapes(IdentityHashMap<Expr, Shape> nodes, TreeMap<String, List<DimTerm>> terms) {
        this.nodes = nodes;
        this.terms = Collections.unmodifiableMap(terms);
        TreeMap<String, Shape> vars = new TreeMap<>();
        TreeSet<String> syms = new TreeSet<>();
        terms.forEach((name, rc) -> {
            vars.put(name, new Shape(rc.get(0).toDim(), rc.get(1).toDim()));
            rc.forEach(t -> syms.addAll(t.symbols()));
        });
        this.variables = Collections.unmodifiableMap(vars);
        this.symbols = Sorted.set(syms);
    }

    /**
     * The shape of {@code node}, any node of the checked tree (by identity).
     *
     * @throws NoSuchElementException if the node is not part of that tree
     */
    public Shape of(Expr node) {
        Shape s = nodes.get(node);
        if (s == null) {
            throw new NoSuchElementException("not a node of the checked expression: " + node);
        }
        return s;
    }

    /** @throws NoSuchElementException if no variable has that name */
    public Shape ofVar(String name) {
        Shape s = variables.get(Names.normalize(name));
        if (s == null) {
            throw new NoSuchElementException("no variable " + name);
        }
        return s;
    }

    /** Every variable's shape, sorted by name. */
    public Map<String, Shape> variables() {
        return variables;
    }

    /** The size symbols the variables' shapes are made of, e.g. {@code [m_A, n_x]}; a product m·p lists m and p. */
    public SortedSet<String> symbols() {
        return symbols;
    }

    /**
     * Concrete shapes of every variable once each symbol has a size, e.g. for numeric evaluation:
     * {@code {n_x=3}} turns x into 3×1 and A into 3×3, a {@code m_A·m_B} into the product.
     *
     * @throws IllegalArgumentException if a symbol of {@link #symbols()} has no size
     */
    public Map<String, Shape> instantiate(Map<String, Integer> sizes) {
        Map<String, Shape> out = new LinkedHashMap<>();
        terms.forEach((name, rc) -> out.put(name, new Shape(concrete(rc.get(0), sizes), concrete(rc.get(1), sizes))));
        return Collections.unmodifiableMap(out);
    }

    private static Dim concrete(DimTerm t, Map<String, Integer> sizes) {
        Integer n = t.instantiate(sizes);
        if (n == null) {
            throw new IllegalArgumentException("no size given for a symbol of " + t.toDim());
        }
        return new Dim.Fixed(n);
    }
}
