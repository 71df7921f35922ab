package dev.mcd.expr;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs deeply recursive work on a thread with a 64 MB stack, e.g. checking a tree 500 levels deep:
 * such a tree needs about 1 MB of interpreted frames, the whole default stack of a thread.
 */
final class LargeStack {
    private LargeStack() {}

    /** Trees up to this depth run on the caller's thread. */
    static final int SHALLOW = 64;
    private static final long SIZE = 64L << 20;

    static <T> T run(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "mcd-deep", SIZE);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        switch (failure.get()) {
            case null -> {
                return result.get();
            }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            case Throwable e -> throw new IllegalStateException(e);
        }
    }

    /** The depth of a tree, measured without recursion. */
    static int depth(Expr root) {
        record Item(Expr e, int depth) {}
        ArrayDeque<Item> todo = new ArrayDeque<>();
        todo.push(new Item(root, 1));
        int max = 0;
        while (!todo.isEmpty()) {
            Item item = todo.pop();
            max = Math.max(max, item.depth());
            for (Expr child : children(item.e())) {
                todo.push(new Item(child, item.depth() + 1));
            }
        }
        return max;
    }

    private static List<Expr> children(Expr e) {
        return switch (e) {
            case Expr.Var v -> List.of();
            case Expr.Num n -> List.of();
            case Expr.Identity i -> List.of();
            case Expr.Zero z -> List.of();
            case Expr.Ones o -> List.of();
            case Expr.Add a -> a.terms();
            case Expr.Mul m -> m.factors();
            case Expr.Neg n -> List.of(n.arg());
            case Expr.Div d -> List.of(d.num(), d.den());
            case Expr.Hadamard h -> List.of(h.left(), h.right());
            case Expr.HadamardDiv h -> List.of(h.left(), h.right());
            case Expr.Kron k -> List.of(k.left(), k.right());
            case Expr.Pow p -> List.of(p.base(), p.exponent());
            case Expr.ElemPow p -> List.of(p.base(), p.exponent());
            case Expr.Inv i -> List.of(i.arg());
            case Expr.Transpose t -> List.of(t.arg());
            case Expr.Call c -> List.of(c.arg());
            case Expr.Prime p -> List.of(p.arg());
            case Expr.Apply a -> List.of(a.arg());
            case Expr.Grad g -> List.of(g.of());
            case Expr.Diff d -> List.of(d.arg());
        };
    }
}
