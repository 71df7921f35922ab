package dev.mcd.site;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a run from any thread, so that one build reports all of them at
 * once, sorted (e.g. all unknown references of all pages, not just the first).
 */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public synchronized void add(Problem p) {
        list.add(p);
    }

    public synchronized boolean isEmpty() {
        return list.isEmpty();
    }

    /** Sorted by file, line, column, message; duplicates collapsed. */
    public synchronized List<Problem> sorted() {
        return list.stream().distinct().sorted().toList();
    }
}
