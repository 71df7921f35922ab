package dev.mcd.print;

import dev.mcd.expr.Dim;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Fn;
import dev.mcd.expr.Shape;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Bottom-up shapes for well-formed test expressions, standing in for the shape checker until it
 * lands: variables from a map, I/0/1 from their {@link Sx} size annotation, e.g. {@code x'*A*x}
 * with x: n×1 is 1×1.
 */
final class TestShapes implements Function<Expr, Shape> {
    private final Map<String, Shape> variables;
    private final Map<Expr, Shape> sized;
    private final Map<Expr, Shape> memo = new IdentityHashMap<>();

    TestShapes(Map<String, Shape> variables, Map<Expr, Shape> sized) {
        this.variables = variables;
        this.sized = sized;
    }

    @Override
    public Shape apply(Expr e) {
        Shape s = memo.get(e);
        if (s == null) {
            s = infer(e);
            memo.put(e, s);
        }
        return s;
    }

    private Shape infer(Expr e) {
        return switch (e) {
            case Expr.Var v -> {
                Shape s = variables.get(v.name());
                if (s == null) {
                    throw new IllegalArgumentException("no shape for " + v.name());
                }
                yield s;
            }
            case Expr.Num n -> Shape.SCALAR;
            case Expr.Identity i -> annotated(e);
            case Expr.Zero z -> annotated(e);
            case Expr.Ones o -> annotated(e);
            case Expr.Add a -> apply(a.terms().getFirst());
            case Expr.Mul m -> {
                Shape first = null;
                Shape last = null;
                for (Expr f : m.factors()) {
                    Shape s = apply(f);
                    if (!s.isScalar()) {
                        first = first == null ? s : first;
                        last = s;
                    }
                }
                yield first == null ? Shape.SCALAR : new Shape(first.rows(), last.cols());
            }
            case Expr.Neg n -> apply(n.arg());
            case Expr.Div d -> apply(d.num());
            case Expr.Hadamard h -> apply(h.left()).isScalar() ? apply(h.right()) : apply(h.left());
            case Expr.HadamardDiv h -> apply(h.left()).isScalar() ? apply(h.right()) : apply(h.left());
            case Expr.Kron k -> new Shape(times(apply(k.left()).rows(), apply(k.right()).rows()),
                    times(apply(k.left()).cols(), apply(k.right()).cols()));
            case Expr.Pow p -> apply(p.base());
            case Expr.ElemPow p -> apply(p.base());
            case Expr.Inv i -> apply(i.arg());
            case Expr.Transpose t -> apply(t.arg()).transposed();
            case Expr.Call c -> call(c.fn(), apply(c.arg()));
            case Expr.Prime p -> apply(p.arg());
            case Expr.Apply a -> throw new IllegalArgumentException("abstract");
            case Expr.Grad g -> throw new IllegalArgumentException("abstract");
            case Expr.Diff d -> apply(d.arg());
        };
    }

    private Shape annotated(Expr e) {
        Shape s = sized.get(e);
        if (s == null) {
            throw new IllegalArgumentException("I, zero and ones need a size annotation in tests");
        }
        return s;
    }

    private static Shape call(Fn fn, Shape arg) {
        return switch (fn) {
            case TR, DET, SUM, NORM2, NORMF -> Shape.SCALAR;
            case ADJ, LOG, EXP, SIN, COS, TANH, SQRT, ABS, SIGMOID -> arg;
            case DIAG -> arg.isScalar() ? arg : arg.cols().equals(Dim.ONE)
                    ? new Shape(arg.rows(), arg.rows()) : new Shape(arg.rows(), Dim.ONE);
            case VEC -> new Shape(times(arg.rows(), arg.cols()), Dim.ONE);
        };
    }

    private static Dim times(Dim a, Dim b) {
        if (a.equals(Dim.ONE)) {
            return b;
        }
        if (b.equals(Dim.ONE)) {
            return a;
        }
        if (a instanceof Dim.Fixed fa && b instanceof Dim.Fixed fb) {
            return new Dim.Fixed(fa.size() * fb.size());
        }
        return new Dim.Sym(a + "*" + b);
    }
}
