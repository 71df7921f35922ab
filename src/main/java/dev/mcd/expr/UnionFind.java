package dev.mcd.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * The classes of a union-find over 0, 1, 2, ...: the shape checker's symbolic sizes
 * ({@code DimTable}) and the verifier's concrete ones ({@code verify.Sizing}) both keep their own
 * facts per class beside one of these, e.g. for x'*A*x the class of x's length joined with both
 * sides of A. The caller decides which root survives a union (a named size over a fresh one).
 */
public final class UnionFind {
    private final List<Integer> parent = new ArrayList<>();

    /** A new class of its own; the returned numbers count up from 0. */
    public int add() {
        parent.add(parent.size());
        return parent.size() - 1;
    }

    /** How many elements were added. */
    public int size() {
        return parent.size();
    }

    /** The root of {@code a}'s class. */
    public int find(int a) {
        int root = a;
        while (parent.get(root) != root) {
            root = parent.get(root);
        }
        // Path compression keeps later finds short.
        while (parent.get(a) != root) {
            int next = parent.get(a);
            parent.set(a, root);
            a = next;
        }
        return root;
    }

    /** Joins the class of root {@code drop} into that of root {@code keep}, which stays the root. */
    public void join(int drop, int keep) {
        if (parent.get(drop) != drop || parent.get(keep) != keep) {
            throw new IllegalArgumentException("join takes two roots, got " + drop + " and " + keep);
        }
        parent.set(drop, keep);
    }
}
