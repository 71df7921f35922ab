package dev.mcd.calculus;

import dev.mcd.expr.TextPrinter;
import dev.mcd.verify.VerifiedDerive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    record Case(String expr, String wrt, String where, String textbook, double ratio) {
        @Override
        public String toString() {
            return expr + " by " + wrt;
        }
    }

    static Stream<Case> cases() throws IOException {
        try (InputStream in = TextbookFormsTest.class.getResourceAsStream("/calculus/textbook-forms.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> {
                String[] f = Arrays.stream(l.split("\\|")).map(String::strip).toArray(String[]::new);
                return new Case(f[0], f[1], f[2], f[3], Double.parseDouble(f[4]));
            }).toList().stream();
        }
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
    void atLeastThirtyCases() throws IOException {
        assertTrue(cases().count() >= 30);
    }
}
