package dev.mcd.calculus;

/**
 * How much work one derivation may do before it is refused as too large: the size of the
 * expression while it expands (kron nested seven deep doubles at every level) and the time spent.
 * A refusal names the limit, e.g. "too large to derive: the differential grew past 20000 nodes".
 */
final class Budget {
    /** Nodes an intermediate expression may have; the tutorial's longest stays under 2,000. */
    static final int MAX_NODES = 20_000;
    /** Wall-clock time for one derivation, expansion and identification together. */
    static final long MAX_MILLIS = 5_000;

    private final long deadline;

    private Budget(long deadline) {
        this.deadline = deadline;
    }

    static Budget start() {
        return new Budget(System.nanoTime() + MAX_MILLIS * 1_000_000);
    }

    /** Throws when {@code e} is too large or the time is up. */
    void check(dev.mcd.expr.Expr e) {
        if (System.nanoTime() > deadline) {
            throw new UnsupportedException("too large to derive: it takes more than " + MAX_MILLIS / 1000 + " s");
        }
        if (nodes(e, 0) > MAX_NODES) {
            throw new UnsupportedException("too large to derive: the differential grew past " + MAX_NODES + " nodes");
        }
    }

    /** Counts nodes, stopping early once past the limit. */
    private static int nodes(dev.mcd.expr.Expr e, int sofar) {
        int n = sofar + 1;
        for (dev.mcd.expr.Expr c : e.children()) {
            if (n > MAX_NODES) {
                return n;
            }
            n = nodes(c, n);
        }
        return n;
    }
}
