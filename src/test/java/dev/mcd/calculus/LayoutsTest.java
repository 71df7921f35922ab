package dev.mcd.calculus;

import dev.mcd.expr.Decls;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Parser;
import dev.mcd.expr.TextPrinter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The other two layouts are computed from the numerator-layout result, per form (notation page). */
class LayoutsTest {

    @ParameterizedTest(name = "{0} by {1}")
    @CsvSource(delimiter = '|', textBlock = """
            x'*x      | x | x: vector                   | 2*x'   | 2*x     | 2*x
            A*x       | x | A: matrix, x: vector        | A      | A'      | A
            tr(A*X)   | X | A: matrix, X: matrix        | A      | A'      | A'
            t^2       | t | t: scalar                   | 2*t    | 2*t     | 2*t
            t*a       | t | t: scalar, a: vector        | a      | a'      | a
            norm2(W*x + b)^2 | W | W: matrix, x: vector, b: vector | 2*x*(W*x + b)' | 2*(W*x + b)*x' | 2*(W*x + b)*x'
            """)
    void otherLayoutsFollowFromNumerator(String f, String wrt, String where, String numerator, String denominator, String mixed) {
        Decls decls = Decls.parse(where);
        Expr e = Parser.parse(f, decls).expr();
        Derivation d = Deriver.derive(e, new Expr.Var(wrt, decls.kindOf(wrt)));
        assertEquals(numerator, TextPrinter.print(d.result()));
        assertEquals(denominator, TextPrinter.print(Layouts.denominator(d)));
        assertEquals(mixed, TextPrinter.print(Layouts.mixed(d)));
    }
}
