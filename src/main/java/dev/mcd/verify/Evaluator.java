package dev.mcd.verify;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Fn;
import dev.mcd.expr.TextPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Forward-mode (dual) evaluation of any expression at a {@link Point}: every node gives its value
 * and its tangent along the point's directions, and {@code d(e)} gives e's tangent as a value, so
 * a step such as {@code d(x')*x + x'*d(x)} is computed exactly, e.g. 2·x'·dx.
 */
public final class Evaluator {
    private final Point point;
    private double magnitude;
    private boolean insideDiff;

    private Evaluator(Point point) {
        this.point = point;
    }

    /** Value and tangent of one expression; sizes of I, 0 and 1 come from the expression itself. */
    public static Dual evaluate(Expr e, Point p) {
        return run(List.of(e), p, false, null).results().getFirst();
    }

    /** Value and tangent of an expression whose shape is known, e.g. a derivative that is just 0. */
    public static Evaluation evaluate(Expr e, Point p, int rows, int cols) {
        return run(List.of(e), p, false, new int[] {rows, cols});
    }

    /** Values and tangents of expressions that share one shape (the links of a chain, two sides). */
    public static Evaluation evaluateAlike(List<Expr> roots, Point p) {
        return run(roots, p, true, null);
    }

    private static Evaluation run(List<Expr> roots, Point p, boolean alike, int[] shape) {
        Sizing sizing = Sizing.knowing(p);
        List<Sizing.Node> nodes = roots.stream().map(sizing::add).toList();
        if (alike) {
            nodes.subList(1, nodes.size()).forEach(n -> sizing.alike(nodes.getFirst(), n));
        }
        if (shape != null) {
            sizing.shapeIs(nodes.getFirst(), shape[0], shape[1]);
        }
        sizing.resolve(new Random(0)); // only sizes left free by every context, e.g. a lone 0
        nodes.forEach(n -> requireSmall(sizing.sized(n)));
        Evaluator ev = new Evaluator(p);
        List<Dual> out = new ArrayList<>();
        for (Sizing.Node n : nodes) {
            out.add(ev.eval(sizing.sized(n)));
        }
        return new Evaluation(out, ev.magnitude);
    }

    /** Entries one node may have: kron nested deep grows as size^depth, and must refuse rather than run out of memory. */
    private static final long MAX_ENTRIES = 1_000_000;

    private static void requireSmall(Sizing.Sized n) {
        if ((long) n.rows() * n.cols() > MAX_ENTRIES) {
            throw new VerificationException("too large to check numerically: " + TextPrinter.print(n.expr()) + " would be a "
                    + n.rows() + "×" + n.cols() + " matrix at the sizes drawn");
        }
        n.kids().forEach(Evaluator::requireSmall);
    }

    private Dual eval(Sizing.Sized n) {
        Dual d = node(n);
        if (d.rows() != n.rows() || d.cols() != n.cols()) {
            throw new VerificationException("internal: " + TextPrinter.print(n.expr()) + " evaluated to " + Mat.shape(d.value())
                    + " but its size was inferred as " + n.rows() + "×" + n.cols());
        }
        magnitude = Math.max(magnitude, Mat.maxAbs(d.value()));
        return d;
    }

    private Dual kid(Sizing.Sized n, int i) {
        return eval(n.kids().get(i));
    }

    private Dual node(Sizing.Sized n) {
        return switch (n.expr()) {
            case Expr.Var v -> variable(v);
            case Expr.Num num -> Dual.constant(Mat.scalar(num.value()));
            case Expr.Identity i -> Dual.constant(Mat.eye(n.rows()));
            case Expr.Zero z -> Dual.constant(Mat.zeros(n.rows(), n.cols()));
            case Expr.Ones o -> Dual.constant(Mat.filled(n.rows(), n.cols(), 1));
            case Expr.Add a -> {
                Dual acc = kid(n, 0);
                for (int i = 1; i < n.kids().size(); i++) {
                    Dual t = kid(n, i);
                    acc = new Dual(Mat.add(acc.value(), t.value()), Mat.add(acc.tangent(), t.tangent()));
                }
                yield acc;
            }
            case Expr.Mul m -> {
                Dual acc = kid(n, 0);
                for (int i = 1; i < n.kids().size(); i++) {
                    acc = product(acc, kid(n, i));
                }
                yield acc;
            }
            case Expr.Neg neg -> {
                Dual a = kid(n, 0);
                yield new Dual(Mat.neg(a.value()), Mat.neg(a.tangent()));
            }
            case Expr.Div div -> {
                Dual a = kid(n, 0);
                Dual b = kid(n, 1);
                double bv = Mat.the(b.value());
                double db = Mat.the(b.tangent());
                yield new Dual(Mat.scale(1 / bv, a.value()),
                        Mat.sub(Mat.scale(1 / bv, a.tangent()), Mat.scale(db / (bv * bv), a.value())));
            }
            case Expr.Hadamard h -> {
                Dual a = kid(n, 0);
                Dual b = kid(n, 1);
                yield new Dual(Mat.hadamard(a.value(), b.value()),
                        Mat.add(Mat.hadamard(a.tangent(), b.value()), Mat.hadamard(a.value(), b.tangent())));
            }
            case Expr.HadamardDiv h -> {
                Dual a = kid(n, 0);
                Dual b = kid(n, 1);
                DMatrixRMaj v = Mat.zip(a.value(), b.value(), (x, y) -> x / y);
                DMatrixRMaj da = Mat.zip(a.tangent(), b.value(), (x, y) -> x / y);
                DMatrixRMaj db = Mat.zip(Mat.zip(v, b.tangent(), (x, y) -> x * y), b.value(), (x, y) -> x / y);
                yield new Dual(v, Mat.sub(da, db));
            }
            case Expr.Kron k -> {
                Dual a = kid(n, 0);
                Dual b = kid(n, 1);
                yield new Dual(Mat.kron(a.value(), b.value()),
                        Mat.add(Mat.kron(a.tangent(), b.value()), Mat.kron(a.value(), b.tangent())));
            }
            case Expr.Unvec u -> {
                // linear, so the tangent is cut like the value; like gives only its size, so it is not evaluated
                Dual a = kid(n, 0);
                yield new Dual(Mat.unvec(a.value(), n.rows(), n.cols()), Mat.unvec(a.tangent(), n.rows(), n.cols()));
            }
            case Expr.Pow p -> power(kid(n, 0), kid(n, 1));
            case Expr.ElemPow p -> elementPower(kid(n, 0), kid(n, 1));
            case Expr.Inv i -> inverse(kid(n, 0));
            case Expr.Transpose t -> {
                Dual a = kid(n, 0);
                yield new Dual(Mat.t(a.value()), Mat.t(a.tangent()));
            }
            case Expr.Call c -> call(c.fn(), kid(n, 0));
            case Expr.Prime p -> {
                Dual a = kid(n, 0);
                yield new Dual(Mat.map(a.value(), x -> Elementwise.apply(p.fn(), 1, x)),
                        Mat.hadamard(Mat.map(a.value(), x -> Elementwise.apply(p.fn(), 2, x)), a.tangent()));
            }
            case Expr.Apply a -> apply(a, kid(n, 0));
            case Expr.Grad g -> grad(g.of(), eval(n.kids().getFirst().kids().getFirst()));
            case Expr.Diff d -> {
                if (insideDiff) {
                    throw new VerificationException("d(...) inside d(...) would be a second differential, "
                            + "which no identity of the tutorial uses");
                }
                insideDiff = true;
                Dual a;
                try {
                    a = kid(n, 0);
                } finally {
                    insideDiff = false;
                }
                // a differential is itself a first-order quantity: its own tangent is not defined
                yield new Dual(a.tangent(), Mat.nan(a.rows(), a.cols()));
            }
        };
    }

    private Dual variable(Expr.Var v) {
        DMatrixRMaj value = point.values().get(v.name());
        if (value == null) {
            throw new VerificationException("no value for the variable " + v.name());
        }
        DMatrixRMaj dir = point.directions().get(v.name());
        return dir == null ? Dual.constant(value) : new Dual(value, dir);
    }

    private static Dual product(Dual a, Dual b) {
        return new Dual(Mat.mul(a.value(), b.value()),
                Mat.add(Mat.mul(a.tangent(), b.value()), Mat.mul(a.value(), b.tangent())));
    }

    private static Dual inverse(Dual a) {
        DMatrixRMaj y = Mat.inv(a.value());
        return new Dual(y, Mat.neg(Mat.mul(Mat.mul(y, a.tangent()), y)));
    }

    private static Dual power(Dual base, Dual exponent) {
        double e = Mat.the(exponent.value());
        double de = Mat.the(exponent.tangent());
        if (Mat.isScalar(base.value())) {
            double b = Mat.the(base.value());
            double v = Math.pow(b, e);
            double d = e * Math.pow(b, e - 1) * Mat.the(base.tangent());
            if (de != 0) {
                d += v * Math.log(b) * de; // only when the exponent varies, so b^2 of a negative b is fine
            }
            return new Dual(Mat.scalar(v), Mat.scalar(d));
        }
        if (e != Math.rint(e) || de != 0) {
            throw new VerificationException("a matrix power needs a constant integer exponent, got " + Mat.num(e));
        }
        Mat.requireSquare("a matrix power", base.value());
        int k = (int) Math.abs(e);
        Dual b = e < 0 ? inverse(base) : base;
        Dual acc = Dual.constant(Mat.eye(base.rows()));
        for (int i = 0; i < k; i++) {
            acc = product(acc, b);
        }
        return acc;
    }

    private static Dual elementPower(Dual base, Dual exponent) {
        DMatrixRMaj v = Mat.zip(base.value(), exponent.value(), Math::pow);
        DMatrixRMaj slope = Mat.zip(base.value(), exponent.value(), (b, e) -> e * Math.pow(b, e - 1));
        DMatrixRMaj d = Mat.hadamard(slope, base.tangent());
        if (Mat.maxAbs(exponent.tangent()) != 0) {
            DMatrixRMaj logs = Mat.hadamard(v, Mat.map(base.value(), Math::log));
            d = Mat.add(d, Mat.hadamard(logs, exponent.tangent()));
        }
        return new Dual(v, d);
    }

    private static Dual call(Fn fn, Dual a) {
        DMatrixRMaj x = a.value();
        DMatrixRMaj dx = a.tangent();
        return switch (fn.family()) {
            case TRACE -> new Dual(Mat.scalar(Mat.trace(x)), Mat.scalar(Mat.trace(dx)));
            case DETERMINANT -> new Dual(Mat.scalar(Mat.det(x)), Mat.scalar(Mat.dot(Mat.t(Mat.adj(x)), dx))); // eq. 18
            case ADJUGATE -> new Dual(Mat.adj(x), Mat.adjTangent(x, dx));
            case ELEMENTWISE -> new Dual(
                    Mat.map(x, v -> Elementwise.apply(fn, 0, v)),
                    Mat.hadamard(Mat.map(x, v -> Elementwise.apply(fn, 1, v)), dx)); // eq. 19
            case SUM -> new Dual(Mat.scalar(Mat.sum(x)), Mat.scalar(Mat.sum(dx)));
            case NORM2, FROBENIUS -> {
                double norm = Math.sqrt(Mat.dot(x, x));
                yield new Dual(Mat.scalar(norm), Mat.scalar(Mat.dot(x, dx) / norm));
            }
            case DIAG -> new Dual(Mat.diag(x), Mat.diag(dx));
            case VEC -> new Dual(Mat.vec(x), Mat.vec(dx));
        };
    }

    private Instance instance(Expr.Apply a) {
        Instance f = point.functions().get(a.name());
        if (f == null) {
            throw new VerificationException("no concrete instance for the abstract function " + a.name());
        }
        return f;
    }

    private Dual apply(Expr.Apply a, Dual arg) {
        if (a.elementwise()) {
            int k = a.primes(); // a generic sigma is tanh, sigma' is tanh', ...
            return new Dual(Mat.map(arg.value(), x -> Tanh.derivative(k, x)),
                    Mat.hadamard(Mat.map(arg.value(), x -> Tanh.derivative(k + 1, x)), arg.tangent()));
        }
        return switch (instance(a)) {
            case Instance.Scalar s -> new Dual(Mat.scalar(s.loss().value(arg.value())),
                    Mat.scalar(Mat.dot(s.loss().partials(arg.value()), arg.tangent())));
            case Instance.Squashed s -> {
                DMatrixRMaj u = Mat.mul(s.coupling(), Mat.vec(arg.value()));
                DMatrixRMaj du = Mat.mul(s.coupling(), Mat.vec(arg.tangent()));
                yield new Dual(Mat.unvec(Mat.map(u, Math::tanh), s.rows(), s.cols()),
                        Mat.unvec(Mat.hadamard(Mat.map(u, x -> Tanh.derivative(1, x)), du), s.rows(), s.cols()));
            }
        };
    }

    private Dual grad(Expr.Apply a, Dual arg) {
        return switch (instance(a)) {
            case Instance.Scalar s -> new Dual(Mat.t(s.loss().partials(arg.value())),
                    Mat.t(s.loss().partialsTangent(arg.value(), arg.tangent()))); // numerator layout
            case Instance.Squashed s -> {
                DMatrixRMaj c = s.coupling();
                DMatrixRMaj u = Mat.mul(c, Mat.vec(arg.value()));
                DMatrixRMaj du = Mat.mul(c, Mat.vec(arg.tangent()));
                DMatrixRMaj slope = Mat.map(u, x -> Tanh.derivative(1, x));
                DMatrixRMaj curve = Mat.hadamard(Mat.map(u, x -> Tanh.derivative(2, x)), du);
                if (Mat.isScalar(arg.value())) {
                    yield new Dual(Mat.unvec(Mat.hadamard(slope, c), s.rows(), s.cols()),
                            Mat.unvec(Mat.hadamard(curve, c), s.rows(), s.cols()));
                }
                if (s.cols() != 1 || arg.cols() != 1) {
                    throw new VerificationException("the derivative of " + a.name()
                            + " would be a tensor, which the tutorial leaves undefined");
                }
                yield new Dual(rowScaled(slope, c), rowScaled(curve, c)); // diag(tanh'(Cx)) C
            }
        };
    }

    /** diag(s)·C without forming diag(s). */
    private static DMatrixRMaj rowScaled(DMatrixRMaj s, DMatrixRMaj c) {
        DMatrixRMaj out = new DMatrixRMaj(c.numRows, c.numCols);
        for (int i = 0; i < c.numRows; i++) {
            for (int j = 0; j < c.numCols; j++) {
                out.set(i, j, s.get(i, 0) * c.get(i, j));
            }
        }
        return out;
    }
}
