package dev.mcd.oracle;

import dev.mcd.expr.Decls;
import dev.mcd.expr.Dim;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Parser;
import dev.mcd.expr.Shape;
import dev.mcd.expr.ShapeChecker;
import dev.mcd.expr.Shapes;
import dev.mcd.oracle.Node.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A seeded generator of random well-shaped expressions with concrete, mostly non-square sizes
 * (2, 3, 4, 5 and their products under kron and vec), each a scalar, vector or matrix function of
 * one variable of a kind the engine reads off: scalar by scalar/vector/matrix, vector by
 * scalar/vector, matrix by scalar. Domains stay sane by construction (log and sqrt of positive
 * things, inv and log det of positive definite ones, see {@link Node#wellDefined()}).
 */
final class Gen {
    static final int[] SIZES = {2, 3, 4, 5};
    static final String[] SCALARS = {"s", "t", "u"};
    static final String[] VECTORS = {"a", "b", "c", "f", "g", "h", "k", "m", "p", "q", "r", "w", "x", "y", "z"};
    static final String[] MATRICES = {"A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P",
        "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z"};
    private static final int MAX_NODES = 30;

    /** The function's kind by the variable's kind, as the engine's read-off forms name them. */
    enum Form { SCALAR_BY_SCALAR, SCALAR_BY_VECTOR, SCALAR_BY_MATRIX, VECTOR_BY_SCALAR, VECTOR_BY_VECTOR, MATRIX_BY_SCALAR }

    /** One generated problem: the function, the variable and every variable's concrete shape. */
    record Case(int index, Node f, Node wrt, Map<String, Node> vars, Form form) {
        /** The {@code where:} text declaring every variable the function uses, e.g. {@code A: matrix, x: vector}. */
        String where() {
            List<String> parts = new ArrayList<>();
            used().forEach((name, v) -> parts.add(name + ": " + kind(v)));
            return String.join(", ", parts);
        }

        Map<String, Node> used() {
            Map<String, Node> m = new java.util.TreeMap<>();
            f.variables(m);
            return m;
        }

        static String kind(Node v) {
            return v.scalar() ? "scalar" : v.cols() == 1 ? "vector" : "matrix";
        }

        Case with(Node newF) {
            return new Case(index, newF, wrt, vars, form);
        }

        /**
         * The same case with canonical names, so that equal reproducers print equally: the variable
         * is t, x or X by its kind, the others s, u; a, b, c, ...; A, B, C, ... in order of appearance.
         */
        Case canonical() {
            Map<String, String> names = new java.util.HashMap<>();
            String w = wrt.scalar() ? "t" : wrt.cols() == 1 ? "x" : "X";
            names.put(wrt.text(), w);
            List<String> order = new ArrayList<>();
            f.order(order);
            java.util.Set<String> taken = new java.util.HashSet<>(List.of(w));
            for (String name : order) {
                if (names.containsKey(name)) {
                    continue;
                }
                Node v = used().get(name);
                String[] pool = v.scalar() ? SCALARS : v.cols() == 1 ? VECTORS : MATRICES;
                for (String candidate : pool) {
                    if (taken.add(candidate)) {
                        names.put(name, candidate);
                        break;
                    }
                }
            }
            return new Case(index, f.renamed(names), wrt.renamed(names), vars, form);
        }

        /** A ready-to-run command line. */
        String command() {
            return "./mcd derive --wrt " + wrt.text() + " --where '" + where() + "' -- '" + f.mcd() + "'";
        }

        /** The concrete sizes the oracle used, e.g. {@code A 2×3, x 3×1}. */
        String sizes() {
            List<String> parts = new ArrayList<>();
            used().forEach((name, v) -> parts.add(name + " " + v.rows() + "×" + v.cols()));
            return String.join(", ", parts);
        }
    }

    private static final class Retry extends RuntimeException {
        Retry() {
            super(null, null, false, false);
        }
    }

    private SplittableRandom rnd;
    private Node wrt;
    private final Map<String, Node> vars = new LinkedHashMap<>();

    /** The case for index {@code i} of the run with this seed: the same seed and index give the same case. */
    Case generate(long seed, int index) {
        rnd = new SplittableRandom(seed * 1_000_003L + index);
        for (int attempt = 0; ; attempt++) {
            vars.clear();
            Form form = pick(new Form[] {Form.SCALAR_BY_MATRIX, Form.SCALAR_BY_VECTOR, Form.SCALAR_BY_SCALAR,
                Form.VECTOR_BY_VECTOR, Form.VECTOR_BY_SCALAR, Form.MATRIX_BY_SCALAR}, new int[] {34, 20, 10, 16, 8, 12});
            wrt = switch (form) {
                case SCALAR_BY_SCALAR, VECTOR_BY_SCALAR, MATRIX_BY_SCALAR -> newVar(1, 1);
                case SCALAR_BY_VECTOR, VECTOR_BY_VECTOR -> newVar(size(), 1);
                case SCALAR_BY_MATRIX -> {
                    int r = size();
                    int c = rnd.nextInt(5) == 0 ? r : otherSize(r);
                    yield newVar(r, c);
                }
            };
            int depth = pick(new Integer[] {2, 3, 4}, new int[] {2, 3, 1});
            try {
                Node f = switch (form) {
                    case SCALAR_BY_SCALAR, SCALAR_BY_VECTOR, SCALAR_BY_MATRIX -> gen(1, 1, depth);
                    case VECTOR_BY_SCALAR, VECTOR_BY_VECTOR -> gen(size(), 1, depth);
                    case MATRIX_BY_SCALAR -> {
                        int r = size();
                        yield gen(r, rnd.nextInt(4) == 0 ? r : otherSize(r), depth);
                    }
                };
                f = spellings(f);
                if (f.uses(wrt.text()) && f.size() <= MAX_NODES && f.wellDefined() && determined(f)) {
                    return new Case(index, f, wrt, Map.copyOf(vars), form);
                }
            } catch (Retry e) {
                // out of names for some shape: draw again
            }
            if (attempt > 1000) {
                throw new IllegalStateException("cannot generate case " + index);
            }
        }
    }

    /** Writes some inverses as {@code X^-1}, the language's other spelling of inv(X). */
    private Node spellings(Node n) {
        Node out = n.kids().isEmpty() ? n : n.with(n.kids().stream().map(this::spellings).toList());
        return out.op() == Op.INV && chance(30) ? out.spelled("^-1") : out;
    }

    /**
     * Whether the variables' sizes fix the size of every node, as the language sizes I, 0 and ones
     * from their context: in {@code diag(t*I)} nothing does, so mcd may pick any size and the
     * oracle's would be arbitrary. Uses mcd's parser and shape checker to filter inputs only; the
     * verdicts never depend on them.
     */
    private boolean determined(Node f) {
        Map<String, Node> used = new java.util.TreeMap<>();
        f.variables(used);
        Map<String, Shape> fixed = new java.util.TreeMap<>();
        List<String> decls = new ArrayList<>();
        used.forEach((name, v) -> {
            fixed.put(name, new Shape(new Dim.Fixed(v.rows()), new Dim.Fixed(v.cols())));
            decls.add(name + ": " + Case.kind(v));
        });
        try {
            Expr e = Parser.parse(f.mcd(), Decls.parse(String.join(", ", decls))).expr();
            Shapes shapes = ShapeChecker.check(e, fixed);
            return allFixed(e, shapes);
        } catch (RuntimeException ex) {
            return false;
        }
    }

    private static boolean allFixed(Expr e, Shapes shapes) {
        Shape s = shapes.of(e);
        if (!(s.rows() instanceof Dim.Fixed) || !(s.cols() instanceof Dim.Fixed)) {
            return false;
        }
        for (Expr k : e.children()) {
            if (!allFixed(k, shapes)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- helpers

    private int size() {
        return SIZES[rnd.nextInt(SIZES.length)];
    }

    private int otherSize(int not) {
        int s;
        do {
            s = size();
        } while (s == not);
        return s;
    }

    private boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    private <T> T pick(T[] options, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = rnd.nextInt(total);
        for (int i = 0; i < options.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return options[i];
            }
        }
        throw new AssertionError();
    }

    private Node newVar(int r, int c) {
        String[] pool = r == 1 && c == 1 ? SCALARS : c == 1 ? VECTORS : MATRICES;
        List<String> free = new ArrayList<>();
        for (String n : pool) {
            if (!vars.containsKey(n)) {
                free.add(n);
            }
        }
        if (free.isEmpty()) {
            throw new Retry();
        }
        Node v = Node.var(free.get(rnd.nextInt(free.size())), r, c);
        vars.put(v.text(), v);
        return v;
    }

    /** A variable of exactly this shape (a column for n×1, a matrix for r×c), existing or new. */
    private Node variable(int r, int c) {
        List<Node> existing = new ArrayList<>();
        for (Node v : vars.values()) {
            if (v.rows() == r && v.cols() == c) {
                existing.add(v);
            }
        }
        if (!existing.isEmpty() && chance(60)) {
            return existing.get(rnd.nextInt(existing.size()));
        }
        return newVar(r, c);
    }

    private Node leaf(int r, int c) {
        if (wrt.rows() == r && wrt.cols() == c && chance(50)) {
            return wrt;
        }
        if (wrt.rows() == c && wrt.cols() == r && !wrt.scalar() && chance(40)) {
            return Node.t(wrt);
        }
        if (r == 1 && c == 1) {
            if (chance(35)) {
                return Node.num(pick(new Double[] {2.0, 3.0, 0.5, 1.5, -1.0, -2.5}, new int[] {3, 2, 2, 1, 1, 1}));
            }
            return variable(1, 1);
        }
        if (c == 1) {
            return chance(5) ? Node.ones(r) : variable(r, 1);
        }
        if (r == 1) {
            return Node.t(variable(c, 1));
        }
        if (r == c && chance(5)) {
            return Node.ident(r);
        }
        return chance(25) ? Node.t(variable(c, r)) : variable(r, c);
    }

    private record Choice(int weight, Supplier<Node> make) {}

    private Node choose(List<Choice> choices) {
        for (int tries = 0; tries < 20; tries++) {
            int total = choices.stream().mapToInt(Choice::weight).sum();
            int x = rnd.nextInt(total);
            for (Choice ch : choices) {
                x -= ch.weight();
                if (x < 0) {
                    Node n = ch.make().get();
                    if (n != null) {
                        return n;
                    }
                    break;
                }
            }
        }
        throw new Retry();
    }

    // ---------------------------------------------------------------- typed productions

    /** Any expression of shape r×c. */
    Node gen(int r, int c, int depth) {
        if (depth <= 0 || chance(depth >= 3 ? 10 : 25)) {
            return leaf(r, c);
        }
        int d = depth - 1;
        if (r == 1 && c == 1) {
            return scalar(d);
        }
        if (c == 1) {
            return column(r, d);
        }
        if (r == 1) {
            return choose(List.of(
                    new Choice(4, () -> Node.t(gen(c, 1, d))),
                    new Choice(2, () -> {
                        int k = size();
                        return Node.mul(gen(1, k, d), gen(k, c, d));
                    }),
                    new Choice(1, () -> Node.mul(gen(1, 1, d), gen(1, c, d)))));
        }
        return matrix(r, c, d);
    }

    private Node elementwise(int r, int c, int d) {
        Op op = pick(new Op[] {Op.EXP, Op.SIN, Op.COS, Op.TANH, Op.SIGMOID, Op.ABS, Op.LOG, Op.SQRT, Op.LOG1P, Op.SOFTPLUS},
                new int[] {3, 2, 2, 2, 2, 2, 3, 2, 1, 1});
        Node arg = op == Op.LOG || op == Op.SQRT || op == Op.LOG1P ? positive(r, c, d) : gen(r, c, d);
        return Node.of(op, r, c, arg);
    }

    private Node scalar(int d) {
        return choose(List.of(
                new Choice(3, () -> Node.of(Op.ADD, 1, 1, gen(1, 1, d), gen(1, 1, d))),
                new Choice(2, () -> Node.of(Op.SUB, 1, 1, gen(1, 1, d), gen(1, 1, d))),
                new Choice(1, () -> Node.of(Op.NEG, 1, 1, gen(1, 1, d))),
                new Choice(3, () -> Node.mul(gen(1, 1, d), gen(1, 1, d))),
                new Choice(1, () -> Node.mul(gen(1, 1, d), gen(1, 1, d), gen(1, 1, d))),
                new Choice(2, () -> Node.of(Op.DIV, 1, 1, gen(1, 1, d), positive(1, 1, d))),
                new Choice(2, () -> Node.pow(gen(1, 1, d), chance(70) ? 2 : 3)),
                new Choice(1, () -> Node.pow(positive(1, 1, d), pick(new Double[] {0.5, 1.5, -1.0, -0.5, -2.0}, new int[] {1, 1, 1, 1, 1}))),
                new Choice(1, () -> Node.of(Op.POW, 1, 1, positive(1, 1, d), gen(1, 1, d))),
                new Choice(1, () -> Node.of(Op.INV, 1, 1, positive(1, 1, d))),
                new Choice(4, () -> elementwise(1, 1, d)),
                new Choice(4, () -> {
                    int n = size();
                    return Node.mul(gen(1, n, d), gen(n, 1, d));
                }),
                new Choice(3, () -> {
                    int n = size();
                    int k = size();
                    return Node.mul(gen(1, n, d), gen(n, k, d), gen(k, 1, d));
                }),
                new Choice(3, () -> {
                    int n = size();
                    return Node.of(Op.TR, 1, 1, gen(n, n, d));
                }),
                new Choice(1, () -> {
                    int n = chance(70) ? 2 : 3;
                    return Node.of(Op.DET, 1, 1, gen(n, n, d));
                }),
                new Choice(2, () -> Node.of(Op.LOG, 1, 1, Node.of(Op.DET, 1, 1, spd(size(), d)))),
                new Choice(1, () -> Node.of(Op.DET, 1, 1, spd(chance(70) ? 2 : 3, d))),
                new Choice(2, () -> {
                    int n = size();
                    Node inv = Node.of(Op.INV, n, n, spd(n, d));
                    return Node.of(Op.TR, 1, 1, chance(50) ? inv : Node.mul(inv, gen(n, n, d)));
                }),
                new Choice(3, () -> chance(50) ? Node.of(Op.SUM, 1, 1, gen(size(), 1, d))
                        : Node.of(Op.SUM, 1, 1, gen(size(), size(), d))),
                new Choice(2, () -> Node.of(Op.NORM2, 1, 1, gen(size(), 1, d))),
                new Choice(1, () -> {
                    int r = chance(50) ? 2 : 3;
                    int c = size();
                    Node v = Node.of(Op.VEC, r * c, 1, gen(r, c, d));
                    return chance(60) ? Node.mul(Node.t(gen(r * c, 1, d)), v) : Node.of(Op.NORM2, 1, 1, v);
                }),
                new Choice(1, () -> Node.pow(Node.of(Op.NORM2, 1, 1, gen(size(), 1, d)), 2)),
                new Choice(1, () -> {
                    // a'(P ⊗ Q)b: the variable inside a Kronecker product of a scalar (facts kron-vec, vec-dot)
                    int r1 = chance(50) ? 2 : 3;
                    int c1 = chance(50) ? 2 : 3;
                    int r2 = chance(50) ? 2 : 3;
                    int c2 = chance(50) ? 1 : 2;
                    Node kron = Node.of(Op.KRON, r1 * r2, c1 * c2, gen(r1, c1, d), gen(r2, c2, d));
                    return Node.mul(Node.t(gen(r1 * r2, 1, d)), kron, gen(c1 * c2, 1, d));
                }),
                new Choice(2, () -> Node.of(Op.NORMF, 1, 1, gen(size(), size(), d))),
                new Choice(1, () -> Node.pow(Node.of(Op.NORMF, 1, 1, gen(size(), size(), d)), 2)),
                new Choice(3, () -> {
                    int[] k = squareKron();
                    Node kron = Node.of(Op.KRON, k[0] * k[2], k[1] * k[3], gen(k[0], k[1], d), gen(k[2], k[3], d));
                    return Node.of(Op.TR, 1, 1, kron);
                }),
                new Choice(1, () -> {
                    int n = chance(60) ? 2 : 3;
                    return Node.of(Op.TR, 1, 1, Node.pow(gen(n, n, d), chance(60) ? 2 : 3));
                }),
                new Choice(1, () -> {
                    int n = chance(60) ? 2 : 3;
                    return Node.of(Op.TR, 1, 1, Node.of(Op.ADJ, n, n, gen(n, n, d)));
                })));
    }

    /** Factor shapes r1×c1 ⊗ r2×c2 with a square product, neither factor 1×1. */
    private int[] squareKron() {
        List<int[]> options = new ArrayList<>();
        for (int r1 = 1; r1 <= 5; r1++) {
            for (int c1 = 1; c1 <= 5; c1++) {
                for (int r2 = 1; r2 <= 5; r2++) {
                    for (int c2 = 1; c2 <= 5; c2++) {
                        if (r1 * r2 == c1 * c2 && r1 * r2 <= 12 && !(r1 == 1 && c1 == 1) && !(r2 == 1 && c2 == 1)
                                && (r1 != c1 || chance(30))) {
                            options.add(new int[] {r1, c1, r2, c2});
                        }
                    }
                }
            }
        }
        return options.get(rnd.nextInt(options.size()));
    }

    /** Factor shapes whose Kronecker product is r×c, or null if none (factors neither 1×1). */
    private int[] kronOf(int r, int c) {
        List<int[]> options = new ArrayList<>();
        for (int r1 = 1; r1 <= r; r1++) {
            for (int c1 = 1; c1 <= c; c1++) {
                if (r % r1 == 0 && c % c1 == 0) {
                    int r2 = r / r1;
                    int c2 = c / c1;
                    if (!(r1 == 1 && c1 == 1) && !(r2 == 1 && c2 == 1)) {
                        options.add(new int[] {r1, c1, r2, c2});
                    }
                }
            }
        }
        return options.isEmpty() ? null : options.get(rnd.nextInt(options.size()));
    }

    private Node column(int n, int d) {
        return choose(List.of(
                new Choice(3, () -> Node.of(Op.ADD, n, 1, gen(n, 1, d), gen(n, 1, d))),
                new Choice(2, () -> Node.of(Op.SUB, n, 1, gen(n, 1, d), gen(n, 1, d))),
                new Choice(1, () -> Node.of(Op.NEG, n, 1, gen(n, 1, d))),
                new Choice(4, () -> {
                    int k = size();
                    return Node.mul(gen(n, k, d), gen(k, 1, d));
                }),
                new Choice(2, () -> chance(50) ? Node.mul(gen(1, 1, d), gen(n, 1, d)) : Node.mul(gen(n, 1, d), gen(1, 1, d))),
                new Choice(1, () -> {
                    int k = size();
                    return Node.mul(gen(1, k, d), gen(k, 1, d), gen(n, 1, d)); // x'*y*z: a scalar prefix
                }),
                new Choice(1, () -> Node.of(Op.DIV, n, 1, gen(n, 1, d), positive(1, 1, d))),
                new Choice(2, () -> Node.of(Op.HAD, n, 1, gen(n, 1, d), gen(n, 1, d))),
                new Choice(1, () -> Node.of(Op.HDIV, n, 1, gen(n, 1, d), positive(n, 1, d))),
                new Choice(1, () -> Node.epow(gen(n, 1, d), Node.num(chance(70) ? 2 : 3))),
                new Choice(1, () -> Node.epow(positive(n, 1, d), Node.num(pick(new Double[] {0.5, 1.5, -1.0, -0.5}, new int[] {1, 1, 1, 1})))),
                new Choice(1, () -> Node.epow(positive(n, 1, d), chance(60) ? gen(1, 1, d) : gen(n, 1, d))),
                new Choice(3, () -> elementwise(n, 1, d)),
                new Choice(1, () -> Node.of(Op.DIAG, n, 1, gen(n, n, d))),
                new Choice(1, () -> {
                    int[] k = kronOf(n, 1);
                    return k == null ? null : Node.of(Op.KRON, n, 1, gen(k[0], 1, d), gen(k[2], 1, d));
                }),
                new Choice(2, () -> {
                    List<int[]> shapes = new ArrayList<>();
                    for (int r = 1; r <= n; r++) {
                        if (n % r == 0 && n / r > 1 || r == 1) {
                            shapes.add(new int[] {r, n / r});
                        }
                    }
                    int[] s = shapes.get(rnd.nextInt(shapes.size()));
                    return Node.of(Op.VEC, n, 1, gen(s[0], s[1], d));
                }),
                new Choice(2, () -> Node.mul(Node.of(Op.INV, n, n, spd(n, d)), gen(n, 1, d))),
                new Choice(1, () -> Node.mul(Node.of(Op.ADJ, n, n, gen(n, n, d)), gen(n, 1, d))),
                new Choice(1, () -> Node.mul(Node.pow(gen(n, n, d), 2), gen(n, 1, d))),
                new Choice(1, () -> Node.mul(Node.ident(n), gen(n, 1, d))),
                new Choice(1, () -> Node.of(Op.ADD, n, 1, gen(n, 1, d), Node.mul(gen(1, 1, d), Node.ones(n)))),
                new Choice(1, () -> {
                    int k = size();
                    return Node.mul(gen(n, k, d), Node.ones(k));
                }),
                new Choice(1, () -> Node.of(Op.ADD, n, 1, gen(n, 1, d), Node.zero(n, 1)))));
    }

    private Node matrix(int r, int c, int d) {
        List<Choice> choices = new ArrayList<>(List.of(
                new Choice(3, () -> Node.of(Op.ADD, r, c, gen(r, c, d), gen(r, c, d))),
                new Choice(2, () -> Node.of(Op.SUB, r, c, gen(r, c, d), gen(r, c, d))),
                new Choice(1, () -> Node.of(Op.NEG, r, c, gen(r, c, d))),
                new Choice(4, () -> {
                    int k = size();
                    return Node.mul(gen(r, k, d), gen(k, c, d));
                }),
                new Choice(1, () -> {
                    int k = size();
                    int j = size();
                    return Node.mul(gen(r, k, d), gen(k, j, d), gen(j, c, d));
                }),
                new Choice(2, () -> chance(60) ? Node.mul(gen(1, 1, d), gen(r, c, d)) : Node.mul(gen(r, c, d), gen(1, 1, d))),
                new Choice(1, () -> Node.of(Op.DIV, r, c, gen(r, c, d), positive(1, 1, d))),
                new Choice(2, () -> Node.of(Op.HAD, r, c, gen(r, c, d), gen(r, c, d))),
                new Choice(1, () -> Node.of(Op.HDIV, r, c, gen(r, c, d), positive(r, c, d))),
                new Choice(1, () -> Node.epow(gen(r, c, d), Node.num(2))),
                new Choice(1, () -> Node.epow(positive(r, c, d), Node.num(pick(new Double[] {0.5, 1.5, -1.0}, new int[] {1, 1, 1})))),
                new Choice(3, () -> elementwise(r, c, d)),
                new Choice(2, () -> Node.t(gen(c, r, d))),
                new Choice(1, () -> Node.mul(gen(r, 1, d), gen(1, c, d))),
                new Choice(2, () -> {
                    int[] k = kronOf(r, c);
                    return k == null ? null : Node.of(Op.KRON, r, c, gen(k[0], k[1], d), gen(k[2], k[3], d));
                }),
                new Choice(1, () -> Node.mul(Node.of(Op.DIAG, r, r, gen(r, 1, d)), gen(r, c, d))),
                new Choice(1, () -> Node.of(Op.ADD, r, c, gen(r, c, d), Node.zero(r, c))),
                new Choice(1, () -> Node.of(Op.UNVEC, r, c, gen(r * c, 1, d), leaf(r, size())))));
        if (r == c) {
            int n = r;
            choices.addAll(List.of(
                    new Choice(2, () -> Node.of(Op.ADD, n, n, Node.mul(gen(1, 1, d), Node.ident(n)), gen(n, n, d))),
                    new Choice(1, () -> Node.of(Op.ADD, n, n, gen(n, n, d), Node.ident(n))),
                    new Choice(1, () -> Node.of(Op.SUB, n, n, Node.ident(n), gen(n, n, d))),
                    new Choice(3, () -> Node.of(Op.INV, n, n, spd(n, d))),
                    new Choice(1, () -> Node.of(Op.ADJ, n, n, gen(n, n, d))),
                    new Choice(1, () -> Node.pow(gen(n, n, d), chance(70) ? 2 : 3)),
                    new Choice(1, () -> Node.pow(spd(n, d), chance(70) ? -1 : -2)),
                    new Choice(1, () -> Node.pow(gen(n, n, d), chance(50) ? 0 : 1)),
                    new Choice(1, () -> Node.of(Op.DIAG, n, n, gen(n, 1, d))),
                    new Choice(2, () -> spd(n, d)),
                    new Choice(1, () -> Node.mul(Node.ident(n), gen(n, n, d))),
                    new Choice(1, () -> Node.mul(gen(1, 1, d), Node.ident(n)))));
        }
        return choose(choices);
    }

    /** Entries positive for every value of the variables. */
    Node positive(int r, int c, int d) {
        if (d <= 0) {
            if (r == 1 && c == 1 && chance(30)) {
                return Node.num(pick(new Double[] {2.0, 0.5, 3.0}, new int[] {1, 1, 1}));
            }
            return chance(70) ? Node.of(Op.EXP, r, c, leaf(r, c)) : Node.of(Op.SIGMOID, r, c, leaf(r, c));
        }
        List<Choice> choices = new ArrayList<>(List.of(
                new Choice(4, () -> Node.of(Op.EXP, r, c, gen(r, c, d - 1))),
                new Choice(2, () -> Node.of(Op.SIGMOID, r, c, gen(r, c, d - 1))),
                new Choice(2, () -> {
                    Node g = gen(r, c, d - 1);
                    Node sq = r == 1 && c == 1 ? Node.pow(g, 2) : chance(50) ? Node.of(Op.HAD, r, c, g, g) : Node.epow(g, Node.num(2));
                    Node p = r == 1 && c == 1 && chance(60) ? Node.num(1) : positive(r, c, d - 1);
                    return Node.of(Op.ADD, r, c, sq, p);
                }),
                new Choice(1, () -> Node.of(Op.SQRT, r, c, positive(r, c, d - 1))),
                new Choice(1, () -> Node.of(Op.HAD, r, c, positive(r, c, d - 1), positive(r, c, d - 1))),
                new Choice(1, () -> Node.of(Op.HDIV, r, c, positive(r, c, d - 1), positive(r, c, d - 1)))));
        if (r == 1 && c == 1) {
            choices.addAll(List.of(
                    new Choice(2, () -> Node.of(Op.DET, 1, 1, spd(chance(60) ? 2 : 3, d - 1))),
                    new Choice(1, () -> Node.of(Op.TR, 1, 1, spd(size(), d - 1))),
                    new Choice(1, () -> Node.of(Op.ADD, 1, 1, Node.pow(Node.of(Op.NORM2, 1, 1, gen(size(), 1, d - 1)), 2), Node.num(0.5))),
                    new Choice(1, () -> {
                        int n = size();
                        Node x = gen(n, 1, d - 1);
                        return Node.of(Op.ADD, 1, 1, Node.mul(Node.t(x), spd(n, d - 1), x), Node.num(1));
                    })));
        } else if (c == 1 && chance(10)) {
            return Node.ones(r);
        }
        return choose(choices);
    }

    /** A symmetric positive definite n×n matrix for every value of the variables. */
    Node spd(int n, int d) {
        List<Choice> choices = new ArrayList<>(List.of(
                new Choice(4, () -> {
                    Node m = gen(n, size(), Math.max(0, d - 1));
                    return Node.of(Op.ADD, n, n, Node.mul(m, Node.t(m)), Node.ident(n));
                }),
                new Choice(3, () -> {
                    Node m = gen(size(), n, Math.max(0, d - 1));
                    return Node.of(Op.ADD, n, n, Node.mul(Node.t(m), m), Node.ident(n));
                }),
                new Choice(1, () -> {
                    Node m = gen(n, size(), Math.max(0, d - 1));
                    return Node.of(Op.ADD, n, n, Node.ident(n), Node.mul(Node.pow(gen(1, 1, Math.max(0, d - 1)), 2), m, Node.t(m)));
                }),
                new Choice(1, () -> Node.of(Op.DIAG, n, n, positive(n, 1, Math.max(0, d - 1)))),
                new Choice(1, () -> Node.mul(positive(1, 1, Math.max(0, d - 1)), spd(n, d - 1)))));
        if (n <= 4) {
            choices.add(new Choice(4, () -> {
                // a Gram matrix X'*X of a tall variable, the wrt variable when it fits
                if (wrt.cols() == n && wrt.rows() > n && chance(70)) {
                    return Node.mul(Node.t(wrt), wrt);
                }
                Node x = variable(n + 1 + rnd.nextInt(5 - n), n);
                return Node.mul(Node.t(x), x);
            }));
        }
        if (n == 4 || n == 6 || n == 9) {
            int a = n == 9 ? 3 : 2;
            choices.add(new Choice(1, () -> Node.of(Op.KRON, n, n, spd(a, d - 1), spd(n / a, d - 1))));
        }
        if (d > 0) {
            choices.add(new Choice(1, () -> Node.of(Op.INV, n, n, spd(n, d - 1))));
            choices.add(new Choice(1, () -> Node.of(Op.ADD, n, n, spd(n, d - 1), spd(n, d - 1))));
        }
        if (d <= 0) {
            // shallow: only the cheap constructions
            return choose(choices.subList(0, 2));
        }
        return choose(choices);
    }
}
