package dev.mcd.calculus;

import dev.mcd.expr.TextPrinter;
import dev.mcd.verify.VerifiedDerive;
import dev.mcd.testkit.CaseFile;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Results read like a textbook (issue 10, item 3): each case of {@code calculus/textbook-forms.txt}
 * is derived and verified, its result equals the hand-written textbook form numerically (as an
 * {@code expect}), and it is no longer than the case's ratio (at most 1.5) times that form.
 */
class TextbookFormsTest {
    record Case(int line, String expr, String wrt, String where, String textbook, double ratio) {
        @Override
        public String toString() {
            return "line " + line + ": " + expr + " by " + wrt;
        }
    }

    static Stream<Case> cases() {
        return CaseFile.read("calculus/textbook-forms.txt").stream().map(c -> {
            List<String> f = c.fields("|", 5);
            return new Case(c.number(), f.get(0), f.get(1), f.get(2), f.get(3), Double.parseDouble(f.get(4)));
        });
    }

    private static int length(String s) {
        return s.replace(" ", "").length();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printedResultIsTheTextbookForm(Case c) {
        assertTrue(c.ratio() <= 1.5, "a ratio above 1.5 is not a textbook form");
        VerifiedDerive.Result r = VerifiedDerive.run(c.expr(), c.wrt(), c.where(), c.textbook());
        String printed = TextPrinter.print(r.derivation().result());
        double ratio = (double) length(printed) / length(c.textbook());
        assertTrue(ratio <= c.ratio() + 1e-9, () -> String.format("%s is %.2f times as long as %s (allowed %.2f)",
                printed, ratio, c.textbook(), c.ratio()));
    }

    @org.junit.jupiter.api.Test
    void atLeastThirtyCases() {
        assertTrue(cases().count() >= 30);
    }
}
