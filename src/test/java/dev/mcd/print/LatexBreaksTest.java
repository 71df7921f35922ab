package dev.mcd.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcd.expr.Decls;
import dev.mcd.expr.TestDecls;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The site's breakable TeX (issue 10, item 1): {@code \allowbreak} between the factors of a
 * product, none after a coefficient nor inside a function's argument, fixed-size parentheses
 * around fractions; with the marks removed it is exactly {@link LatexPrinter#print}.
 */
class LatexBreaksTest {
    private static Expr parse(String s, String where) {
        return Parser.parse(s, TestDecls.parse(where, s)).expr();
    }

    @Test
    void productsBreakBetweenFactorsButNotAfterACoefficientOrInsideAnArgument() {
        assertEquals("2\\mathbf{x}^\\top\\allowbreak \\mathbf{A}\\allowbreak \\tanh(\\mathbf{W}\\mathbf{x})",
                LatexPrinter.breakable(parse("2*x'*A*tanh(W*x)", "")));
        assertEquals("\\mathrm{tr}(\\mathbf{A}\\allowbreak \\mathbf{X}\\allowbreak \\mathbf{B})",
                LatexPrinter.breakable(parse("tr(A*X*B)", "")));
    }

    @Test
    void stretchyParenthesesAroundAFractionBecomeFixedSoTheirContentMayBreak() {
        String tex = LatexPrinter.breakable(parse("(a/t + b)*x'", "t: scalar, a: vector, b: vector"));
        assertEquals(true, tex.startsWith("\\biggl(") && tex.contains("\\biggr)"), tex);
    }

    @Test
    void aScalarZeroIsZeroAndAMatrixZeroIsBold() {
        assertEquals("0", LatexPrinter.print(new Expr.Zero(), true));
        assertEquals("\\mathbf{0}", LatexPrinter.print(new Expr.Zero(), false));
        assertEquals("0", LatexPrinter.breakable(new Expr.Zero(), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mcd.print.LatexPrinterTest#cases")
    void withoutTheMarksItIsThePlainPrint(Cases.Case c) {
        Expr e = parse(c.input(), c.where());
        String plain = LatexPrinter.breakable(e).replace("\\allowbreak ", "")
                .replace("\\biggl(", "\\left(").replace("\\biggr)", "\\right)");
        // Removing "\allowbreak " may glue a control word to a following letter, which print avoids with a space.
        assertEquals(LatexPrinter.print(e).replace(" ", ""), plain.replace(" ", ""), "latex-cases.txt:" + c.line());
    }
}
