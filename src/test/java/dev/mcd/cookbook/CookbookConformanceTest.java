package dev.mcd.cookbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.calculus.Catalogue;
import dev.mcd.calculus.Form;
import dev.mcd.verify.VerifiedDerive;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Matrix Cookbook's section 2, eq. by eq. (data: {@code cookbook/section2.txt}): every equation
 * marked derivable is derived, verified (steps, read-off form, finite differences) and equals the
 * Cookbook's result put into numerator layout; every other one says why it cannot be expressed.
 */
class CookbookConformanceTest {
    static List<CookbookCase> cases() {
        return CookbookCase.load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachEquationIsDerivedOrSaysWhyNot(CookbookCase c) {
        switch (c.status()) {
            case IDENTITY -> assertTrue(Catalogue.byId(c.expr()).isPresent(), "no identity " + c.expr() + " in the catalogue");
            case NONE -> assertFalse(c.note().isBlank(), "a not-expressible equation must say why");
            case DERIVED, INSTANCE, VEC -> {
                VerifiedDerive.Result r = VerifiedDerive.run(c.expr(), c.wrt(), c.where(), c.expect());
                assertEquals(c.status() == CookbookCase.Status.VEC, r.derivation().form() == Form.VEC,
                        "read off with " + r.derivation().form());
            }
        }
    }

    @Test
    void everyEquationOfSectionTwoIsListedOnce() {
        List<Integer> eqs = cases().stream().map(CookbookCase::eq).toList();
        assertEquals(IntStream.rangeClosed(33, 144).boxed().toList(), eqs);
    }

    @Test
    void instancesSayWhichInstance() {
        List<String> missing = new ArrayList<>();
        for (CookbookCase c : cases()) {
            if (c.status() == CookbookCase.Status.INSTANCE && c.note().isBlank()) {
                missing.add(c.toString());
            }
        }
        assertTrue(missing.isEmpty(), "instances without a note: " + missing);
    }

    /**
     * Where the Cookbook's printed result is wrong, the printed form (put into numerator layout)
     * must fail the check that the corrected form in the data file passes.
     */
    @ParameterizedTest(name = "({0}) as printed is wrong")
    @MethodSource("errata")
    void printedErrataFailTheCheck(int eq, String expr, String wrt, String where, String printed) {
        var e = org.junit.jupiter.api.Assertions.assertThrows(VerifiedDerive.RequestException.class,
                () -> VerifiedDerive.run(expr, wrt, where, printed));
        assertEquals(VerifiedDerive.Part.EXPECT, e.part(), e.getMessage());
    }

    static List<org.junit.jupiter.params.provider.Arguments> errata() {
        return List.of(
                // (92), n = 2: the first summand X^(n-1-r) a b' (X^n)' X^r is printed untransposed
                org.junit.jupiter.params.provider.Arguments.of(92, "a'*(X^2)'*X^2*b", "X", "a: vector, b: vector, X: matrix",
                        "X^2*b*a'*X' + X*b*a'*(X^2)' + X'*X^2*b*a' + b*a'*(X^2)'*X"),
                // (94): x'BBx in the first denominator instead of x'B'Bx (B square so that it parses)
                org.junit.jupiter.params.provider.Arguments.of(94, "(A*x)'*(A*x)/((B*x)'*(B*x))", "x", "x: vector, A: matrix, B: square matrix",
                        "2*x'*A'*A/(x'*B*B*x) - 2*(x'*A'*A*x)*x'*B'*B/(x'*B'*B*x)^2"),
                // (127) with B and C symmetric but A not: the printed form also needs A symmetric
                org.junit.jupiter.params.provider.Arguments.of(127, "tr(inv(A + X'*(C + C')*X)*(X'*(B + B')*X))", "X",
                        "A: matrix, B: matrix, C: matrix, X: matrix",
                        // the printed (A + X'CX)^-1 transposed into numerator layout is inv(A' + X'CX)
                        "-2*inv(A' + X'*(C + C')*X)*X'*(B + B')*X*inv(A' + X'*(C + C')*X)*X'*(C + C') + 2*inv(A' + X'*(C + C')*X)*X'*(B + B')"),
                // (139)-(141): G + G' - G∘I for a symmetric variable; the gradient there is sym(G)
                org.junit.jupiter.params.provider.Arguments.of(139, "tr(A*X)", "X", "A: matrix, X: symmetric", "A + A' - A .* I"),
                org.junit.jupiter.params.provider.Arguments.of(140, "det(X)", "X", "X: symmetric", "det(X)*(2*inv(X) - inv(X) .* I)"),
                org.junit.jupiter.params.provider.Arguments.of(141, "log(det(X))", "X", "X: spd", "2*inv(X) - inv(X) .* I"));
    }

    /** The conformance page shows each equation once with the status the data file gives it. */
    @Test
    void theConformancePageAgreesWithTheData() throws java.io.IOException {
        String page = java.nio.file.Files.readString(java.nio.file.Path.of(System.getenv().getOrDefault("MCD_PROJECT_ROOT", "")).toAbsolutePath().resolve("content/cookbook-conformance.md"));
        List<String> wrong = new ArrayList<>();
        for (CookbookCase c : cases()) {
            String status = switch (c.status()) {
                case DERIVED -> "derived";
                case INSTANCE -> "derived (instance)";
                case VEC -> "derived (vec form)";
                case IDENTITY -> "rule";
                case NONE -> "not expressible";
            };
            String row = "| (" + c.eq() + ") | " + status + " | ";
            if (page.indexOf(row) < 0 || page.indexOf(row) != page.lastIndexOf(row)) {
                wrong.add(c.toString());
            }
            if (c.derives() && !page.contains("| (" + c.eq() + ") | " + status + " | [](#ex:cb-" + c.eq() + ")")) {
                wrong.add(c + " (no link to its derivation)");
            }
        }
        assertTrue(wrong.isEmpty(), "rows missing or different on content/cookbook-conformance.md: " + wrong);
    }
}
