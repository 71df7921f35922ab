package dev.mcd.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Sizes as classes of a {@link UnionFind} that the shape checker unifies, e.g. the {@code n_x} of
 * {@code x'*A*x} joined with A's rows and columns; a class is a symbol, a fixed size, or a
 * product of classes (Kronecker products and vec). Products that cannot be decided yet wait in a
 * list and are settled once everything else is known (m·p = q·p gives m = q).
 */
final class DimTable {
    private final UnionFind classes = new UnionFind();
    private final List<Long> fixed = new ArrayList<>();
    private final List<List<Integer>> factors = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    /** Named after a variable: wins over fresh symbols when merged, for readable messages. */
    private final List<Boolean> named = new ArrayList<>();
    /** A declared vector's length or a matrix side: joining it with 1 is an error, not a guess. */
    private final List<Boolean> nonUnit = new ArrayList<>();
    private final Map<String, Integer> byName = new HashMap<>();
    private final Set<String> used = new HashSet<>();
    private final List<Deferred> deferred = new ArrayList<>();
    private final Map<String, Integer> freshCounters = new HashMap<>();

    private record Deferred(int a, int b, Supplier<ExprException> failure) {}

    int fixed(long size) {
        return add(size, null, null, false, false);
    }

    /** A symbol named after a variable, e.g. {@code n_x}; made unique if already taken. */
    int named(String base, boolean nonUnit) {
        return add(null, null, unique(base), true, nonUnit);
    }

    /** A symbol that an explicit shape names; the same name is the same class. */
    int symbol(String name) {
        Integer id = byName.get(name);
        return id != null ? id : add(null, null, unique(name), true, false);
    }

    /** A fresh symbol for a size only the context decides (I, 0, ones), e.g. {@code k_1}. */
    int fresh(String base, boolean nonUnit) {
        int n = freshCounters.merge(base, 1, Integer::sum);
        return add(null, null, unique(base + "_" + n), false, nonUnit);
    }

    int product(int a, int b) {
        return add(null, List.of(a, b), null, false, false);
    }

    private int add(Long size, List<Integer> of, String name, boolean isNamed, boolean isNonUnit) {
        int id = classes.add();
        fixed.add(size);
        factors.add(of);
        names.add(name);
        named.add(isNamed);
        nonUnit.add(isNonUnit);
        if (name != null) {
            byName.put(name, id);
        }
        return id;
    }

    private String unique(String base) {
        String name = base;
        while (!used.add(name)) {
            name = name + "'";
        }
        return name;
    }

    int find(int a) {
        return classes.find(a);
    }

    private boolean isSymbol(int root) {
        return fixed.get(root) == null && factors.get(root) == null;
    }

    /** Whether the class is known to be exactly 1 now. */
    boolean isOne(int a) {
        DimTerm t = resolve(a);
        return t.isConstant() && t.constant() == 1;
    }

    /**
     * Makes {@code a} and {@code b} the same size, or throws {@code failure}'s exception; products
     * that are not yet decidable are kept and checked by {@link #settle()}.
     */
    void unify(int a, int b, Supplier<ExprException> failure) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return;
        }
        if (isSymbol(ra) && isSymbol(rb)) {
            boolean keepA = named.get(ra) && !named.get(rb) || named.get(ra) == named.get(rb) && ra < rb;
            int keep = keepA ? ra : rb;
            int drop = keepA ? rb : ra;
            classes.join(drop, keep);
            nonUnit.set(keep, nonUnit.get(keep) || nonUnit.get(drop));
            return;
        }
        if (isSymbol(ra) || isSymbol(rb)) {
            int sym = isSymbol(ra) ? ra : rb;
            int other = sym == ra ? rb : ra;
            DimTerm value = resolve(other);
            if (value.isConstant() && value.constant() == 1 && nonUnit.get(sym)) {
                throw failure.get();
            }
            if (value.symbols().contains(names.get(sym))) {
                deferred.add(new Deferred(a, b, failure));
                return;
            }
            classes.join(sym, other);
            return;
        }
        DimTerm ta = resolve(ra);
        DimTerm tb = resolve(rb);
        if (ta.sameProduct(tb)) {
            classes.join(rb, ra);
        } else if (ta.isConstant() && tb.isConstant()) {
            throw failure.get();
        } else {
            deferred.add(new Deferred(a, b, failure));
        }
    }

    /** Re-examines undecided products until nothing changes: cancels common symbols, unifies what is left one to one. */
    void settle() {
        boolean progress = true;
        while (progress && !deferred.isEmpty()) {
            progress = false;
            for (Deferred d : List.copyOf(deferred)) {
                DimTerm ta = resolve(d.a());
                DimTerm tb = resolve(d.b());
                if (ta.sameProduct(tb)) {
                    deferred.remove(d);
                    progress = true;
                    continue;
                }
                List<String> left = new ArrayList<>(ta.sorted());
                List<String> right = new ArrayList<>(tb.sorted());
                for (String s : List.copyOf(left)) {
                    if (right.remove(s)) {
                        left.remove(s);
                    }
                }
                if (left.isEmpty() && right.isEmpty()) {
                    throw d.failure().get();
                }
                if (left.size() == 1 && right.size() == 1 && ta.constant() == tb.constant()) {
                    deferred.remove(d);
                    unify(byName.get(left.getFirst()), byName.get(right.getFirst()), d.failure());
                    progress = true;
                } else if (left.isEmpty() || right.isEmpty()) {
                    // c·m = c'·(nothing) with one side all constant: m is fixed if it divides evenly.
                    List<String> rest = left.isEmpty() ? right : left;
                    long num = left.isEmpty() ? ta.constant() : tb.constant();
                    long den = left.isEmpty() ? tb.constant() : ta.constant();
                    if (num % den != 0 || num < den) {
                        throw d.failure().get();
                    }
                    if (rest.size() == 1) {
                        deferred.remove(d);
                        unify(byName.get(rest.getFirst()), fixed(num / den), d.failure());
                        progress = true;
                    }
                }
            }
        }
    }

    DimTerm resolve(int a) {
        int root = find(a);
        Long size = fixed.get(root);
        if (size != null) {
            return new DimTerm(size, List.of());
        }
        List<Integer> of = factors.get(root);
        if (of == null) {
            return new DimTerm(1, List.of(names.get(root)));
        }
        DimTerm t = new DimTerm(1, List.of());
        for (int f : of) {
            t = t.times(resolve(f));
        }
        return t;
    }

    Dim dim(int a) {
        return resolve(a).toDim();
    }
}
