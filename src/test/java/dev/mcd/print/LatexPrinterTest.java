package dev.mcd.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcd.expr.Decls;
import dev.mcd.expr.TestDecls;
import dev.mcd.expr.Parser;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The cases of {@code print/latex-cases.txt}: each expression prints as the expected TeX. */
class LatexPrinterTest {
    static List<Cases.Case> cases() {
        return Cases.read("/print/latex-cases.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsTheTutorialsNotation(Cases.Case c) {
        assertEquals(c.expected(), LatexPrinter.print(Parser.parse(c.input(), TestDecls.parse(c.where(), c.input())).expr()), "latex-cases.txt:" + c.line());
    }
}
