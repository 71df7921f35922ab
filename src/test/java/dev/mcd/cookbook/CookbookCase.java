package dev.mcd.cookbook;

import dev.mcd.testkit.CaseFile;
import java.util.List;
import java.util.Locale;

/**
 * One equation of the Matrix Cookbook's section 2 as {@code cookbook/section2.txt} restates it, e.g.
 * {@code 101 | derived | tr(A*X*B) | X | A: matrix, ... | B*A |}: eq. (101) is derived by mcd and
 * its result must equal B A, the Cookbook's A'B' in numerator layout.
 */
record CookbookCase(int eq, Status status, String expr, String wrt, String where, String expect, String note) {
    enum Status { DERIVED, INSTANCE, VEC, IDENTITY, NONE }

    boolean derives() {
        return status == Status.DERIVED || status == Status.INSTANCE || status == Status.VEC;
    }

    @Override
    public String toString() {
        return "(" + eq + ") " + (derives() ? expr + " by " + wrt : status.name().toLowerCase(Locale.ROOT));
    }

    static List<CookbookCase> load() {
        return CaseFile.read("cookbook/section2.txt").stream().map(c -> {
            List<String> f = c.fields("|", 7);
            return new CookbookCase(Integer.parseInt(f.get(0)), Status.valueOf(f.get(1).toUpperCase(Locale.ROOT)),
                    f.get(2), f.get(3), f.get(4), f.get(5), f.get(6));
        }).toList();
    }
}
