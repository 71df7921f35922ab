package dev.mcd.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Delta debugging for a failing case: replaces subtrees by a same-shaped child, by the variable
 * (or its transpose), by a plain variable or number, or drops a scalar factor of a product, and
 * keeps any smaller tree that still fails the same way, until no replacement helps or the budget
 * runs out. Every candidate stays well-shaped and inside the functions' domains
 * ({@link Node#wellDefined()}), and still contains the variable.
 */
final class Shrinker {
    private final Predicate<Gen.Case> stillFails;
    private final long deadlineNanos;
    private int evaluations;
    private final int maxEvaluations;

    Shrinker(Predicate<Gen.Case> stillFails, long budgetMillis, int maxEvaluations) {
        this.stillFails = stillFails;
        this.deadlineNanos = System.nanoTime() + budgetMillis * 1_000_000L;
        this.maxEvaluations = maxEvaluations;
    }

    int evaluations() {
        return evaluations;
    }

    Gen.Case shrink(Gen.Case c) {
        Gen.Case best = c;
        boolean improved = true;
        while (improved && !exhausted()) {
            improved = false;
            List<List<Integer>> paths = new ArrayList<>();
            collect(best.f(), new ArrayList<>(), paths);
            outer:
            for (List<Integer> path : paths) {
                Node at = get(best.f(), path);
                for (Node replacement : candidates(best, at)) {
                    if (exhausted()) {
                        break outer;
                    }
                    Node f = replace(best.f(), path, 0, replacement);
                    Gen.Case next = best.with(f);
                    if (!f.wellDefined() || !f.uses(best.wrt().text()) || !smaller(next, best)) {
                        continue;
                    }
                    evaluations++;
                    if (stillFails.test(next)) {
                        best = next;
                        improved = true;
                        break outer;
                    }
                }
            }
        }
        return best;
    }

    private boolean exhausted() {
        return evaluations >= maxEvaluations || System.nanoTime() > deadlineNanos;
    }

    private static boolean smaller(Gen.Case a, Gen.Case b) {
        int sa = a.f().size();
        int sb = b.f().size();
        if (sa != sb) {
            return sa < sb;
        }
        int va = a.used().size();
        int vb = b.used().size();
        if (va != vb) {
            return va < vb;
        }
        return a.f().mcd().length() < b.f().mcd().length();
    }

    private static void collect(Node n, List<Integer> path, List<List<Integer>> out) {
        out.add(List.copyOf(path));
        for (int i = 0; i < n.kids().size(); i++) {
            path.add(i);
            collect(n.kids().get(i), path, out);
            path.removeLast();
        }
    }

    private static Node get(Node n, List<Integer> path) {
        for (int i : path) {
            n = n.kids().get(i);
        }
        return n;
    }

    private static Node replace(Node n, List<Integer> path, int depth, Node with) {
        if (depth == path.size()) {
            return with;
        }
        List<Node> kids = new ArrayList<>(n.kids());
        int i = path.get(depth);
        kids.set(i, replace(kids.get(i), path, depth + 1, with));
        return n.with(kids);
    }

    private static List<Node> candidates(Gen.Case c, Node n) {
        List<Node> out = new ArrayList<>();
        for (Node k : n.kids()) {
            if (k.rows() == n.rows() && k.cols() == n.cols()) {
                out.add(k);
            }
        }
        Node wrt = c.wrt();
        if (wrt.rows() == n.rows() && wrt.cols() == n.cols()) {
            out.add(wrt);
        } else if (!wrt.scalar() && wrt.rows() == n.cols() && wrt.cols() == n.rows()) {
            out.add(Node.t(wrt));
        }
        if (n.op() == Node.Op.MUL && n.kids().size() > 2) {
            for (int i = 0; i < n.kids().size(); i++) {
                List<Node> rest = new ArrayList<>(n.kids());
                rest.remove(i);
                try {
                    Node m = Node.mul(rest.toArray(Node[]::new));
                    if (m.rows() == n.rows() && m.cols() == n.cols()) {
                        out.add(m);
                    }
                } catch (IllegalArgumentException e) {
                    // ill-shaped without that factor
                }
            }
        }
        if (n.op() == Node.Op.MUL && n.kids().size() == 2) {
            for (Node k : n.kids()) {
                if (k.scalar() && !n.scalar()) {
                    Node other = n.kids().get(0) == k ? n.kids().get(1) : n.kids().get(0);
                    if (other.rows() == n.rows() && other.cols() == n.cols()) {
                        out.add(other);
                    }
                }
            }
        }
        out.add(plain(c, n.rows(), n.cols()));
        if (n.scalar()) {
            out.add(Node.num(1));
        }
        return out;
    }

    /** The simplest leaf of a shape: 2, a variable the case already has, or a new one. */
    private static Node plain(Gen.Case c, int r, int cols) {
        if (r == 1 && cols == 1) {
            return Node.num(2);
        }
        if (r == 1) {
            return Node.t(variable(c, cols, 1));
        }
        return variable(c, r, cols);
    }

    private static Node variable(Gen.Case c, int r, int cols) {
        Map<String, Node> used = new TreeMap<>(c.used());
        for (Node v : used.values()) {
            if (v.rows() == r && v.cols() == cols) {
                return v;
            }
        }
        String[] pool = cols == 1 ? Gen.VECTORS : Gen.MATRICES;
        for (String name : pool) {
            if (!used.containsKey(name)) {
                return Node.var(name, r, cols);
            }
        }
        return Node.var(pool[0] + "_1", r, cols);
    }
}
