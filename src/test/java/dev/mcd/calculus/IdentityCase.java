package dev.mcd.calculus;

import dev.mcd.expr.Decls;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Parser;
import dev.mcd.testkit.CaseFile;
import java.util.List;

/**
 * One line of {@code calculus/identity-cases.txt}: {@code expr | wrt | where | expected}, e.g.
 * {@code tr(A*X*B) | X | A: matrix, X: matrix, B: matrix | B*A} (eq. 17 then eq. 12).
 *
 * @param line     1-based line in the file, so a failure names where the case is
 * @param source   the function in the mcd language
 * @param wrt      the variable's name
 * @param where    declarations for the function's and the expected result's names
 * @param expected the derivative in numerator layout, written by hand
 */
record IdentityCase(int line, String source, String wrt, String where, String expected) {

    static List<IdentityCase> read(String resource) {
        return CaseFile.read(resource).stream().map(c -> {
            List<String> p = c.fields("|", 4);
            return new IdentityCase(c.number(), p.get(0), p.get(1), p.get(2), p.get(3));
        }).toList();
    }

    Decls decls() {
        return where.isEmpty() ? Decls.empty() : Decls.parse(where);
    }

    Expr function() {
        return Parser.parse(source, decls()).expr();
    }

    Expr expectedExpr() {
        return Parser.parse(expected, decls()).expr();
    }

    Expr.Var variable() {
        return new Expr.Var(wrt, decls().kindOf(wrt));
    }

    @Override
    public String toString() {
        return "line " + line + ": d(" + source + ")/d" + wrt;
    }
}
