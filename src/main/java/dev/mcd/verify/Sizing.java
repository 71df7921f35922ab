package dev.mcd.verify;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Fn;
import dev.mcd.expr.Kind;
import dev.mcd.expr.TextPrinter;
import dev.mcd.expr.UnionFind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Concrete sizes for every node of one or more expressions: each dimension is a class of an
 * {@link UnionFind} (the one the shape checker uses too), unified by the operators (x'*A*x makes A square of x's length), multiplied by
 * kron and vec, fixed by known values, and any class still free is drawn at random in 2..{@value #LARGEST}.
 * It gives the sizes of I, 0 and 1 from their context, and the sizes of the variables and of
 * the values of abstract functions (y(x)) for a random point; names share sizes across roots.
 * Not {@code ShapeChecker}: that keys nodes by identity (one shared {@code I} instance gets one
 * size) and sizes one root at a time, while a chain's links, a lone {@code 0} step and the sizes of
 * y in y(x) must be unified across roots; an independent inference also checks the engine's shapes.
 */
final class Sizing {
    /** A node's shape as two dimension classes. */
    record Dims(int rows, int cols) {}

    /** An expression node with its symbolic shape, children in evaluation order. */
    record Node(Expr expr, Dims dims, List<Node> kids) {}

    /** An expression node with its concrete shape, children in evaluation order. */
    record Sized(Expr expr, int rows, int cols, List<Sized> kids) {}

    private record Product(int of, int left, int right) {}

    private final UnionFind classes = new UnionFind();
    private final List<Integer> size = new ArrayList<>(); // 0 while unknown
    private final List<Product> products = new ArrayList<>();
    private final SortedMap<String, Dims> variables = new TreeMap<>();
    private final SortedMap<String, Kind> kinds = new TreeMap<>();
    private final SortedMap<String, Dims> applyValues = new TreeMap<>();
    private final SortedMap<String, Dims> applyArgs = new TreeMap<>();
    private final SortedMap<String, Kind> applyKinds = new TreeMap<>();

    /** Sizes known from a point: every variable's value and every abstract function's instance. */
    static Sizing knowing(Point point) {
        Sizing s = new Sizing();
        point.values().forEach((name, v) -> s.variables.put(name, new Dims(s.fixed(v.numRows), s.fixed(v.numCols))));
        point.functions().forEach((name, f) -> {
            switch (f) {
                case Instance.Scalar sc -> s.applyValues.put(name, s.scalarDims());
                case Instance.Squashed sq -> {
                    s.applyValues.put(name, new Dims(s.fixed(sq.rows()), s.fixed(sq.cols())));
                    Dims arg = new Dims(s.fresh(), s.fresh());
                    s.products.add(new Product(s.fixed(sq.coupling().numCols), arg.rows(), arg.cols()));
                    s.applyArgs.put(name, arg);
                }
            }
        });
        return s;
    }

    static Sizing empty() {
        return new Sizing();
    }

    private int fresh() {
        size.add(0);
        return classes.add();
    }

    private int fixed(int n) {
        int c = fresh();
        size.set(c, n);
        return c;
    }

    private Dims scalarDims() {
        return new Dims(fixed(1), fixed(1));
    }

    private int find(int a) {
        return classes.find(a);
    }

    private int known(int a) {
        return size.get(find(a));
    }

    private boolean isOne(Dims d) {
        return known(d.rows()) == 1 && known(d.cols()) == 1;
    }

    private void unify(int a, int b, Expr where) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return;
        }
        int sa = size.get(ra);
        int sb = size.get(rb);
        if (sa != 0 && sb != 0 && sa != sb) {
            throw new VerificationException("sizes " + sa + " and " + sb + " must agree"
                    + (where == null ? " in a Kronecker product" : " in " + TextPrinter.print(where)));
        }
        classes.join(rb, ra);
        size.set(ra, sa != 0 ? sa : sb);
    }

    private void unify(Dims a, Dims b, Expr where) {
        unify(a.rows(), b.rows(), where);
        unify(a.cols(), b.cols(), where);
    }

    /** Requires two roots (a chain's links, the sides of an identity) to have one shape. */
    void alike(Node a, Node b) {
        unify(a.dims(), b.dims(), b.expr());
    }

    /** Requires a root to have a concrete shape (a derivative read off by eqs. 1–6). */
    void shapeIs(Node a, int rows, int cols) {
        unify(a.dims(), new Dims(fixed(rows), fixed(cols)), a.expr());
    }

    Node add(Expr e) {
        return switch (e) {
            case Expr.Var v -> new Node(e, variable(v), List.of());
            case Expr.Num n -> new Node(e, scalarDims(), List.of());
            case Expr.Identity i -> {
                int n = fresh();
                yield new Node(e, new Dims(n, n), List.of());
            }
            case Expr.Zero z -> new Node(e, new Dims(fresh(), fresh()), List.of());
            case Expr.Ones o -> new Node(e, new Dims(fresh(), fixed(1)), List.of());
            case Expr.Add a -> {
                List<Node> kids = a.terms().stream().map(this::add).toList();
                for (Node k : kids.subList(1, kids.size())) {
                    unify(kids.getFirst().dims(), k.dims(), e);
                }
                yield new Node(e, kids.getFirst().dims(), kids);
            }
            case Expr.Mul m -> {
                // a 0 factor is the scalar zero (0*x keeps x's size), never a matrix of free size
                List<Node> kids = m.factors().stream()
                        .map(f -> f instanceof Expr.Zero ? new Node(f, scalarDims(), List.of()) : add(f)).toList();
                Dims acc = kids.getFirst().dims();
                for (Node k : kids.subList(1, kids.size())) {
                    // same left fold as the evaluator: a 1×1 side scales, otherwise a matrix product
                    if (isOne(acc)) {
                        acc = k.dims();
                    } else if (!isOne(k.dims())) {
                        unify(acc.cols(), k.dims().rows(), e);
                        acc = new Dims(acc.rows(), k.dims().cols());
                    }
                }
                yield new Node(e, acc, kids);
            }
            case Expr.Neg n -> same(e, add(n.arg()));
            case Expr.Div d -> {
                Node num = add(d.num());
                Node den = add(d.den());
                unify(den.dims(), scalarDims(), e);
                yield new Node(e, num.dims(), List.of(num, den));
            }
            case Expr.Hadamard h -> elementwise(e, add(h.left()), add(h.right()));
            case Expr.HadamardDiv h -> elementwise(e, add(h.left()), add(h.right()));
            case Expr.ElemPow p -> elementwise(e, add(p.base()), add(p.exponent()));
            case Expr.Kron k -> {
                Node l = add(k.left());
                Node r = add(k.right());
                Dims d = new Dims(fresh(), fresh());
                products.add(new Product(d.rows(), l.dims().rows(), r.dims().rows()));
                products.add(new Product(d.cols(), l.dims().cols(), r.dims().cols()));
                yield new Node(e, d, List.of(l, r));
            }
            case Expr.Unvec u -> {
                Node v = add(u.arg());
                Node like = add(u.like());
                unify(v.dims().cols(), fixed(1), e);
                int rows = u.side() == Expr.Unvec.Side.ROWS ? like.dims().rows() : like.dims().cols();
                Dims d = new Dims(rows, fresh());
                products.add(new Product(v.dims().rows(), d.rows(), d.cols()));
                yield new Node(e, d, List.of(v, like));
            }
            case Expr.Pow p -> {
                Node base = add(p.base());
                Node exp = add(p.exponent());
                unify(exp.dims(), scalarDims(), e);
                unify(base.dims().rows(), base.dims().cols(), e);
                yield new Node(e, base.dims(), List.of(base, exp));
            }
            case Expr.Inv i -> square(e, add(i.arg()));
            case Expr.Transpose t -> {
                Node a = add(t.arg());
                yield new Node(e, new Dims(a.dims().cols(), a.dims().rows()), List.of(a));
            }
            case Expr.Call c -> call(e, c.fn(), add(c.arg()));
            case Expr.Prime p -> same(e, add(p.arg()));
            case Expr.Apply a -> apply(a);
            case Expr.Grad g -> grad(g);
            case Expr.Diff d -> same(e, add(d.arg()));
        };
    }

    private Dims variable(Expr.Var v) {
        Kind before = kinds.putIfAbsent(v.name(), v.kind());
        if (before != null && before != v.kind()) {
            throw new VerificationException(v.name() + " is used both as a " + before.name().toLowerCase()
                    + " and as a " + v.kind().name().toLowerCase());
        }
        Dims d = variables.computeIfAbsent(v.name(), n -> new Dims(fresh(), fresh()));
        switch (v.kind()) {
            case SCALAR -> unify(d, scalarDims(), v);
            case VECTOR -> unify(d.cols(), fixed(1), v);
            case MATRIX -> { }
        }
        return d;
    }

    private Node same(Expr e, Node kid) {
        return new Node(e, kid.dims(), List.of(kid));
    }

    private Node square(Expr e, Node kid) {
        unify(kid.dims().rows(), kid.dims().cols(), e);
        return same(e, kid);
    }

    private Node elementwise(Expr e, Node l, Node r) {
        if (isOne(r.dims())) {
            return new Node(e, l.dims(), List.of(l, r)); // X .^ 2, X .* a: a 1×1 side is broadcast
        }
        if (isOne(l.dims())) {
            return new Node(e, r.dims(), List.of(l, r));
        }
        unify(l.dims(), r.dims(), e);
        return new Node(e, l.dims(), List.of(l, r));
    }

    private Node call(Expr e, Fn fn, Node a) {
        Dims ad = a.dims();
        return switch (fn.family()) {
            case TRACE, DETERMINANT -> {
                unify(ad.rows(), ad.cols(), e);
                yield new Node(e, scalarDims(), List.of(a));
            }
            case ADJUGATE -> square(e, a);
            case ELEMENTWISE -> same(e, a);
            case SUM, NORM2, FROBENIUS -> new Node(e, scalarDims(), List.of(a));
            case DIAG -> {
                if (known(ad.cols()) == 1) {
                    yield new Node(e, new Dims(ad.rows(), ad.rows()), List.of(a));
                }
                unify(ad.rows(), ad.cols(), e);
                yield new Node(e, new Dims(ad.rows(), fixed(1)), List.of(a));
            }
            case VEC -> {
                int n = fresh();
                products.add(new Product(n, ad.rows(), ad.cols()));
                yield new Node(e, new Dims(n, fixed(1)), List.of(a));
            }
        };
    }

    private Node apply(Expr.Apply a) {
        Node arg = add(a.arg());
        if (a.elementwise()) {
            return same(a, arg);
        }
        Kind before = applyKinds.putIfAbsent(a.name(), a.kind());
        if (before != null && before != a.kind()) {
            throw new VerificationException(a.name() + " is used with values of two kinds");
        }
        Dims argDims = applyArgs.computeIfAbsent(a.name(), n -> new Dims(fresh(), fresh()));
        unify(argDims, arg.dims(), a);
        Dims value = applyValues.computeIfAbsent(a.name(), n -> switch (a.kind()) {
            case SCALAR -> scalarDims();
            case VECTOR -> new Dims(fresh(), fixed(1));
            case MATRIX -> new Dims(fresh(), fresh());
        });
        return new Node(a, value, List.of(arg));
    }

    private Node grad(Expr.Grad g) {
        Node of = apply(g.of());
        Dims arg = of.kids().getFirst().dims();
        Dims value = of.dims();
        if (g.of().kind() == Kind.SCALAR) {
            return new Node(g, new Dims(arg.cols(), arg.rows()), List.of(of)); // numerator layout
        }
        if (isOne(arg)) {
            return new Node(g, value, List.of(of)); // dy/dx, dY/dx by a scalar: eqs. 4 and 6
        }
        if (g.of().kind() == Kind.VECTOR) {
            unify(arg.cols(), fixed(1), g);
            return new Node(g, new Dims(value.rows(), arg.rows()), List.of(of)); // Jacobian, eq. 5
        }
        throw new VerificationException("the derivative of the matrix-valued " + g.of().name()
                + " by a vector or matrix is a tensor, which the tutorial leaves undefined");
    }

    /**
     * Fixes every free dimension: products first, then each free class its own size, the sizes a
     * shuffle of 2, 3, ... so that no two independent dimensions agree and only what the shapes
     * force is square (a transposition or a dropped factor then breaks a shape, not just a value).
     * Beyond {@value #LARGEST} the sizes repeat, which keeps Kronecker products small.
     * Invertibility (X'X needs a tall X) is left to the caller's redraws, not to equal sizes.
     */
    void resolve(Random random) {
        List<Integer> pool = new ArrayList<>();
        for (int n = 2; n <= LARGEST; n++) {
            pool.add(n);
        }
        shuffle(pool, random);
        int next = 0;
        deduce();
        propagate();
        while (true) {
            int free = firstFree();
            if (free < 0) {
                return;
            }
            assign(free, pool.get(next++ % pool.size()));
        }
    }

    /**
     * {@code Collections.shuffle(list, random)} with the JDK's {@code Random.nextInt(bound)} written
     * out: TeaVM's (the browser build) draws differently, and the sizes must agree with the JVM's.
     */
    private static void shuffle(List<Integer> list, Random random) {
        for (int i = list.size(); i > 1; i--) {
            java.util.Collections.swap(list, i - 1, nextInt(random, i));
        }
    }

    /** Random.nextInt(bound) of the JDK; {@code nextInt() >>> 1} is the generator's next(31). */
    private static int nextInt(Random random, int bound) {
        int r = random.nextInt() >>> 1;
        int m = bound - 1;
        if ((bound & m) == 0) {
            return (int) ((bound * (long) r) >> 31);
        }
        for (int u = r; u - (r = u % bound) + m < 0; u = random.nextInt() >>> 1) {
            // rejects the last, incomplete block of 2^31 so that every value is equally likely
        }
        return r;
    }

    /**
     * Gives a free class a size, preferring {@code wanted}; when a Kronecker product or vec makes
     * that size impossible (m·p = n·q in tr(A⊗B)), the next size that keeps every product whole.
     */
    private void assign(int free, int wanted) {
        List<Integer> candidates = new ArrayList<>();
        candidates.add(wanted);
        for (int n = 2; n <= LARGEST * LARGEST; n++) {
            candidates.add(n);
        }
        candidates.add(1);
        VerificationException last = null;
        for (int n : candidates) {
            List<Integer> before = new ArrayList<>(size);
            size.set(free, n);
            try {
                propagate();
                return;
            } catch (VerificationException e) {
                last = e;
                size.clear();
                size.addAll(before);
            }
        }
        throw last;
    }

    /** The largest size a free dimension is given. */
    static final int LARGEST = 6;

    /**
     * Equal Kronecker sizes with a common factor have equal other factors (m·k = n·k gives m = n,
     * as in tr(A ⊗ X²)), and m·m = n·n gives m = n (tr(X ⊗ X)): what the shapes force, found before
     * sizes are drawn, so the draw never has to pick n = m by luck.
     */
    private void deduce() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Product p : products) {
                for (Product q : products) {
                    if (p == q || find(p.of()) != find(q.of())) {
                        continue;
                    }
                    if (find(p.right()) == find(q.right()) && find(p.left()) != find(q.left())) {
                        unify(p.left(), q.left(), null);
                        changed = true;
                    } else if (find(p.left()) == find(q.left()) && find(p.right()) != find(q.right())) {
                        unify(p.right(), q.right(), null);
                        changed = true;
                    } else if (find(p.left()) == find(q.right()) && find(p.right()) != find(q.left())) {
                        unify(p.right(), q.left(), null); // m·q = k·m: sizes multiply commutatively
                        changed = true;
                    } else if (find(p.right()) == find(q.left()) && find(p.left()) != find(q.right())) {
                        unify(p.left(), q.right(), null);
                        changed = true;
                    } else if (find(p.left()) == find(p.right()) && find(q.left()) == find(q.right())
                            && find(p.left()) != find(q.left())) {
                        unify(p.left(), q.left(), null);
                        changed = true;
                    }
                }
            }
        }
    }

    private void propagate() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Product p : products) {
                int of = known(p.of());
                int l = known(p.left());
                int r = known(p.right());
                if (l != 0 && r != 0 && of == 0) {
                    size.set(find(p.of()), l * r);
                    changed = true;
                } else if (of != 0 && l != 0 && r == 0 && of % l == 0) {
                    size.set(find(p.right()), of / l);
                    changed = true;
                } else if (of != 0 && r != 0 && l == 0 && of % r == 0) {
                    size.set(find(p.left()), of / r);
                    changed = true;
                } else if (of != 0 && l != 0 && r != 0 && of != l * r) {
                    throw new VerificationException("a Kronecker product or vec of sizes " + l + " and " + r
                            + " cannot have size " + of);
                }
            }
        }
        for (Product p : products) {
            int of = known(p.of());
            int l = known(p.left());
            int r = known(p.right());
            if (of != 0 && ((l != 0 && r == 0 && of % l != 0) || (r != 0 && l == 0 && of % r != 0))) {
                throw new VerificationException("size " + of + " is not a multiple of " + (l != 0 ? l : r));
            }
        }
    }

    /** The first class with no size, skipping those that a pending product will determine. */
    private int firstFree() {
        int fallback = -1;
        for (int c = 0; c < classes.size(); c++) {
            if (find(c) != c || size.get(c) != 0) {
                continue;
            }
            if (fallback < 0) {
                fallback = c;
            }
            final int cls = c;
            boolean pending = products.stream().anyMatch(p -> find(p.of()) == cls);
            if (!pending) {
                return c;
            }
        }
        return fallback;
    }

    Sized sized(Node n) {
        return new Sized(n.expr(), known(n.dims().rows()), known(n.dims().cols()),
                n.kids().stream().map(this::sized).toList());
    }

    /** Resolved sizes of every variable, by name: {rows, cols}. */
    SortedMap<String, int[]> variableSizes() {
        return concrete(variables);
    }

    /** Resolved sizes of every non-element-wise abstract function's value, by name. */
    SortedMap<String, int[]> applyValueSizes() {
        return concrete(applyValues);
    }

    /** Resolved sizes of every non-element-wise abstract function's argument, by name. */
    SortedMap<String, int[]> applyArgSizes() {
        return concrete(applyArgs);
    }

    /** Kinds of the variables as written (scalars, vectors, matrices), by name. */
    SortedMap<String, Kind> variableKinds() {
        return new TreeMap<>(kinds);
    }

    /** Kinds of the values of the non-element-wise abstract functions, by name. */
    SortedMap<String, Kind> applyKinds() {
        return new TreeMap<>(applyKinds);
    }

    private SortedMap<String, int[]> concrete(Map<String, Dims> m) {
        SortedMap<String, int[]> out = new TreeMap<>();
        m.forEach((name, d) -> out.put(name, new int[] {known(d.rows()), known(d.cols())}));
        return out;
    }
}
