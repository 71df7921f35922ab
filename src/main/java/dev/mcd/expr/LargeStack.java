package dev.mcd.expr;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs deeply recursive work on a thread with a 64 MB stack, e.g. checking a tree 500 levels deep:
 * such a tree needs about 1 MB of interpreted frames, the whole default stack of a thread
 * ({@link JvmPlatform}; the browser build runs it on the caller's stack).
 */
final class LargeStack {
    private LargeStack() {}

    /** Trees up to this depth run on the caller's thread. */
    static final int SHALLOW = 64;

    static <T> T run(Supplier<T> work) {
        return Platform.CURRENT.runDeep(work);
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
            for (Expr child : item.e().children()) {
                todo.push(new Item(child, item.depth() + 1));
            }
        }
        return max;
    }
}
