package dev.mcd.print;

import dev.mcd.testkit.CaseFile;
import java.util.List;

/**
 * The {@code input => expected} lines of a printer data file under {@code where:} headers, e.g.
 * {@code inv(X) => \mathbf{X}^{-1}}, read by {@link CaseFile}.
 */
final class Cases {
    private Cases() {}

    record Case(int line, String where, String input, String expected) {
        @Override
        public String toString() {
            return line + ": " + input;
        }
    }

    static List<Case> read(String resource) {
        return CaseFile.read(resource).stream().map(c -> {
            List<String> f = c.fields(" => ", 2);
            return new Case(c.number(), c.where(), f.get(0), f.get(1));
        }).toList();
    }
}
