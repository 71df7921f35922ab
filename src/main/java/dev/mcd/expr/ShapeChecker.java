package dev.mcd.expr;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Infers and checks the shape of every node, e.g. {@code x'*A*x} makes A n_x×n_x, and
 * {@code A*x + t} fails with "cannot add m_A×1 and 1×1"; sizes are symbols unified across the
 * expression (scalars 1×1, vectors n_x×1, matrices m_A×n_A, fresh ones for I, 0, ones).
 * Derivative shapes are numerator layout (eqs. 1–6; README's language section).
 */
public final class ShapeChecker {
    private record S(int rows, int cols) {}

    private final DimTable dims = new DimTable();
    private final SourceMap positions;
    private final Map<String, Shape> given;
    private final TreeMap<String, S> vars = new TreeMap<>();
    private final IdentityHashMap<Expr, S> nodes = new IdentityHashMap<>();
    private final int one = dims.fixed(1);

    private ShapeChecker(SourceMap positions, Map<String, Shape> given) {
        this.positions = positions;
        this.given = given;
    }

    /**
     * Checks a parsed tree; errors point at the offending operator.
     *
     * @throws ExprException naming both shapes, e.g. "cannot multiply 3×n_x by m_A×1: inner sizes differ"
     */
    public static Shapes check(Expr root, SourceMap positions) {
        return new ShapeChecker(positions, Map.of()).run(root);
    }

    /**
     * Checks a tree with the given shapes for the variables it names (others get symbols), e.g.
     * concrete sizes for numeric evaluation; the sizes of I, 0 and ones come from their context.
     * Errors have position 1:1 since such trees were not written by anyone.
     */
    public static Shapes check(Expr root, Map<String, Shape> fixed) {
        TreeMap<String, Shape> normalized = new TreeMap<>();
        fixed.forEach((name, shape) -> normalized.put(Names.normalize(name), shape));
        return new ShapeChecker(SourceMap.empty(), normalized).run(root);
    }

    private Shapes run(Expr root) {
        return LargeStack.depth(root) > LargeStack.SHALLOW ? LargeStack.run(() -> infer(root)) : infer(root);
    }

    private Shapes infer(Expr root) {
        shape(root);
        dims.settle();
        IdentityHashMap<Expr, Shape> resolved = new IdentityHashMap<>();
        nodes.forEach((node, s) -> resolved.put(node, show(s)));
        TreeMap<String, List<DimTerm>> terms = new TreeMap<>();
        vars.forEach((name, s) -> terms.put(name, List.of(dims.resolve(s.rows()), dims.resolve(s.cols()))));
        return new Shapes(resolved, terms);
    }

    private S shape(Expr e) {
        S s = compute(e);
        // A node shared by two places keeps its first shape; each place is still checked.
        nodes.putIfAbsent(e, s);
        return s;
    }

    private S compute(Expr e) {
        return switch (e) {
            case Expr.Var v -> variable(v);
            case Expr.Num n -> scalar();
            case Expr.Identity i -> {
                int k = dims.fresh("k", false);
                yield new S(k, k);
            }
            case Expr.Zero z -> new S(dims.fresh("p", false), dims.fresh("q", false));
            case Expr.Ones o -> new S(dims.fresh("k", false), one);
            case Expr.Add a -> add(a);
            case Expr.Mul m -> mul(m);
            case Expr.Neg n -> shape(n.arg());
            case Expr.Div d -> {
                S num = shape(d.num());
                S den = shape(d.den());
                Supplier<ExprException> fail = failure(e, 0, "cannot divide by " + show(den) + ": the denominator must be a scalar (1×1)");
                dims.unify(den.rows(), one, fail);
                dims.unify(den.cols(), one, fail);
                yield num;
            }
            case Expr.Hadamard h -> sameShape(e, h.left(), h.right(), "cannot multiply element-wise");
            case Expr.HadamardDiv h -> sameShape(e, h.left(), h.right(), "cannot divide element-wise");
            case Expr.Kron k -> {
                S l = shape(k.left());
                S r = shape(k.right());
                yield new S(times(l.rows(), r.rows()), times(l.cols(), r.cols()));
            }
            case Expr.Unvec u -> unvec(u);
            case Expr.Pow p -> pow(p);
            case Expr.ElemPow p -> {
                S base = shape(p.base());
                S exponent = shape(p.exponent());
                if (!isScalar(exponent)) {
                    unifyShapes(base, exponent, failure(e, 0, "cannot raise " + show(base) + " element-wise to a " + show(exponent) + " power: sizes differ"));
                }
                yield base;
            }
            case Expr.Inv i -> square(e, shape(i.arg()), "cannot invert %s: only a square matrix has an inverse");
            case Expr.Transpose t -> {
                S a = shape(t.arg());
                yield new S(a.cols(), a.rows());
            }
            case Expr.Call c -> call(c);
            case Expr.Prime p -> shape(p.arg());
            case Expr.Apply a -> apply(a);
            case Expr.Grad g -> grad(g);
            case Expr.Diff d -> shape(d.arg());
        };
    }

    private S variable(Expr.Var v) {
        S known = vars.get(v.name());
        if (known != null) {
            return known;
        }
        Shape fixed = given.get(v.name());
        S s;
        if (fixed != null) {
            s = new S(of(fixed.rows()), of(fixed.cols()));
        } else {
            s = switch (v.kind()) {
                case SCALAR -> scalar();
                case VECTOR -> new S(dims.named("n_" + v.name(), true), one);
                case MATRIX -> new S(dims.named("m_" + v.name(), true), dims.named("n_" + v.name(), true));
            };
        }
        vars.put(v.name(), s);
        return s;
    }

    private int of(Dim d) {
        return switch (d) {
            case Dim.Fixed f -> f.size() == 1 ? one : dims.fixed(f.size());
            case Dim.Sym s -> dims.symbol(s.name());
        };
    }

    private S add(Expr.Add a) {
        S first = shape(a.terms().getFirst());
        for (int i = 1; i < a.terms().size(); i++) {
            S term = shape(a.terms().get(i));
            unifyShapes(first, term, failure(a, i - 1, "cannot add " + show(first) + " and " + show(term)));
        }
        return first;
    }

    private S mul(Expr.Mul m) {
        S acc = shape(m.factors().getFirst());
        for (int i = 1; i < m.factors().size(); i++) {
            S next = shape(m.factors().get(i));
            // A 1×1 factor scales whatever it multiplies (t*A, x'*y*z).
            if (isScalar(acc)) {
                acc = next;
            } else if (!isScalar(next)) {
                dims.unify(acc.cols(), next.rows(), failure(m, i - 1,
                    "cannot multiply " + show(acc) + " by " + show(next) + ": inner sizes differ"));
                acc = new S(acc.rows(), next.cols());
            }
        }
        return acc;
    }

    private S sameShape(Expr node, Expr left, Expr right, String verb) {
        S l = shape(left);
        S r = shape(right);
        unifyShapes(l, r, failure(node, 0, verb + " " + show(l) + " and " + show(r) + ": sizes differ"));
        return l;
    }

    /** unvec(v, rows(M)) is k×c for v of length k·c, k the rows of M; c is whatever v's length leaves. */
    private S unvec(Expr.Unvec u) {
        S v = shape(u.arg());
        S like = shape(u.like());
        dims.unify(v.cols(), one, failure(u, 0, "unvec needs a column vector, not " + show(v)));
        int rows = u.side() == Expr.Unvec.Side.ROWS ? like.rows() : like.cols();
        int cols = dims.fresh("c", false);
        dims.unify(v.rows(), times(rows, cols), failure(u, 0, "cannot cut a column of " + dims.dim(v.rows())
                + " entries into columns of " + dims.dim(rows) + ": its length is not a multiple of " + dims.dim(rows)));
        // decide c now where the length allows (n_B = n_B·c gives c = 1): a c still open would let
        // a product absorb a variable's named size that it meets later (x's n_x in a' (I ⊗ B unvec(b)) + x')
        dims.settle();
        return new S(rows, cols);
    }

    private S pow(Expr.Pow p) {
        S base = shape(p.base());
        S exponent = shape(p.exponent());
        if (isScalar(base)) {
            unifyShapes(exponent, scalar(), failure(p, 0, "the exponent of a scalar must be a scalar, not " + show(exponent)));
            return base;
        }
        square(p, base, "cannot raise %s to a power: only scalars and square matrices have powers");
        if (!isIntegerLiteral(p.exponent())) {
            throw failure(p, 0, "a power of a " + show(base) + " matrix needs an integer exponent").get();
        }
        return base;
    }

    private static boolean isIntegerLiteral(Expr e) {
        if (e instanceof Expr.Neg(Expr inner)) {
            return isIntegerLiteral(inner);
        }
        return e instanceof Expr.Zero || e instanceof Expr.Num(double v) && v == Math.rint(v);
    }

    private S call(Expr.Call c) {
        S a = shape(c.arg());
        return switch (c.fn().family()) {
            case TRACE, DETERMINANT -> {
                square(c, a, c.fn().source() + " needs a square matrix, not %s");
                yield scalar();
            }
            case ADJUGATE -> square(c, a, "adj needs a square matrix, not %s");
            case ELEMENTWISE -> a;
            case SUM, FROBENIUS -> scalar();
            case NORM2 -> {
                dims.unify(a.cols(), one, failure(c, 0, "norm2 needs a vector, not " + show(a) + " (normF is the matrix norm)"));
                yield scalar();
            }
            case DIAG -> {
                if (dims.isOne(a.cols())) {
                    yield new S(a.rows(), a.rows());
                }
                square(c, a, "diag needs a vector or a square matrix, not %s");
                yield new S(a.rows(), one);
            }
            case VEC -> new S(times(a.rows(), a.cols()), one);
        };
    }

    private S apply(Expr.Apply a) {
        S arg = shape(a.arg());
        if (a.elementwise()) {
            return arg;
        }
        return switch (a.kind()) {
            case SCALAR -> scalar();
            case VECTOR -> new S(dims.named("n_" + a.name(), true), one);
            case MATRIX -> new S(dims.named("m_" + a.name(), true), dims.named("n_" + a.name(), true));
        };
    }

    /** Numerator layout: dl/dy of a scalar l is 1×n for y n×1 (q×p for p×q), dy/dx is m×n (eqs. 1–6). */
    private S grad(Expr.Grad g) {
        S f = shape(g.of());
        S arg = nodes.get(g.of().arg());
        if (arg == null) {
            arg = shape(g.of().arg());
        }
        return switch (g.of().kind()) {
            case SCALAR -> new S(arg.cols(), arg.rows());
            case VECTOR -> {
                if (isScalar(arg)) {
                    yield f;
                }
                dims.unify(arg.cols(), one, failure(g, 0, "the derivative of the vector function " + g.of().name()
                    + " by a " + show(arg) + " matrix is not a matrix: differentiate by vec of it"));
                yield new S(f.rows(), arg.rows());
            }
            case MATRIX -> {
                dims.unify(arg.rows(), one, failure(g, 0, "the derivative of the matrix function " + g.of().name()
                    + " is a matrix only by a scalar, not by " + show(arg)));
                dims.unify(arg.cols(), one, failure(g, 0, "the derivative of the matrix function " + g.of().name()
                    + " is a matrix only by a scalar, not by " + show(arg)));
                yield f;
            }
        };
    }

    private S square(Expr node, S a, String message) {
        // the shape in place of %s, written out: String.formatted would bring java.util.Formatter into the browser bundle
        int at = message.indexOf("%s");
        dims.unify(a.rows(), a.cols(), failure(node, 0, message.substring(0, at) + show(a) + message.substring(at + 2)));
        return a;
    }

    private void unifyShapes(S a, S b, Supplier<ExprException> failure) {
        dims.unify(a.rows(), b.rows(), failure);
        dims.unify(a.cols(), b.cols(), failure);
    }

    private int times(int a, int b) {
        if (dims.isOne(a)) {
            return b;
        }
        return dims.isOne(b) ? a : dims.product(a, b);
    }

    private S scalar() {
        return new S(one, one);
    }

    private boolean isScalar(S s) {
        return dims.isOne(s.rows()) && dims.isOne(s.cols());
    }

    private Shape show(S s) {
        return new Shape(dims.dim(s.rows()), dims.dim(s.cols()));
    }

    /** The message is built now, while the shapes still read as they did at the operator. */
    private Supplier<ExprException> failure(Expr node, int operator, String message) {
        Pos pos = positions.operatorOrStart(node, operator);
        return () -> new ExprException(message, pos, positions.source());
    }
}
