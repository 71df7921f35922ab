package dev.mcd.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.calculus.Derivation;
import dev.mcd.calculus.Deriver;
import dev.mcd.calculus.Step;
import dev.mcd.expr.Decls;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Parser;
import dev.mcd.expr.TextPrinter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Named subexpressions (issue 10, item 2): introduced once, inner first, used in every step and the result. */
class NamingTest {
    private static final String NET = "W_1: matrix, W_2: matrix, x: vector, y: vector";

    private static Derivation derive(String f, String wrt, String where) {
        Decls decls = Decls.parse(where);
        return Deriver.derive(Parser.parse(f, decls).expr(), new Expr.Var(wrt, decls.kindOf(wrt)), decls.premises());
    }

    @Test
    void recurringSubexpressionsAreNamedInnerFirst() {
        Derivation d = derive("norm2(W_2*tanh(W_1*x) - y)^2", "W_1", NET);
        Naming.Names names = Naming.choose(d, Map.of(), true);
        assertTrue(names.whereText().startsWith("where u = W_1*x, h = tanh(u)"), names.whereText());
        String result = TextPrinter.print(names.apply(d.result()));
        assertFalse(result.contains("W_1*x"), result);
        for (Step s : d.steps()) {
            assertFalse(TextPrinter.print(names.apply(s.rhs())).contains("tanh(W_1*x)"), "a step still spells out a named subexpression");
        }
    }

    @Test
    void substitutingTheNamesBackGivesTheResult() {
        Derivation d = derive("norm2(W_2*tanh(W_1*x) - y)^2", "W_1", NET);
        Naming.Names names = Naming.choose(d, Map.of(), true);
        Expr shown = names.apply(d.result());
        // replace each name by its definition, outermost (last) first, until none is left
        for (int round = 0; round < names.list().size(); round++) {
            for (Naming.Name n : names.list().reversed()) {
                shown = substitute(shown, n.var(), n.definition());
            }
        }
        assertEquals(d.result(), shown);
    }

    private static Expr substitute(Expr e, Expr.Var v, Expr by) {
        Map<Expr, Expr> m = new LinkedHashMap<>();
        m.put(v, by);
        return dev.mcd.calculus.Rewrite.replace(e, m);
    }

    @Test
    void theAuthorsNamesAreKeptAndAutoNamingCanBeSwitchedOff() {
        Derivation d = derive("l(W_2*sigma(W_1*x))", "W_1", "l: scalar function, W_1: matrix, W_2: matrix, x: vector, sigma: elementwise function");
        Decls decls = Decls.parse("l: scalar function, W_1: matrix, W_2: matrix, x: vector, sigma: elementwise function");
        Map<Expr, Expr.Var> author = Map.of(Parser.parse("W_2*sigma(W_1*x)", decls).expr(), new Expr.Var("y", dev.mcd.expr.Kind.VECTOR));
        Naming.Names off = Naming.choose(d, author, false);
        assertEquals("where y = W_2*sigma(W_1*x)", off.whereText());
        Naming.Names on = Naming.choose(d, author, true);
        assertTrue(on.whereText().contains("y = W_2*sigma(u)"), on.whereText());
        assertTrue(Naming.choose(d, Map.of(), false).isEmpty());
    }

    @Test
    void shortDerivationsGetNoNames() {
        assertTrue(Naming.choose(derive("x'*x", "x", "x: vector"), Map.of(), true).isEmpty());
        assertTrue(Naming.choose(derive("tr(A*X*B)", "X", "A: matrix, X: matrix, B: matrix"), Map.of(), true).isEmpty());
    }
}
