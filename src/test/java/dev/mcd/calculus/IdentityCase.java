package dev.mcd.calculus;

import dev.mcd.expr.Decls;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
        try (InputStream in = IdentityCase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            List<IdentityCase> out = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String s = lines[i].strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                String[] p = s.split("\\|", -1);
                if (p.length != 4) {
                    throw new IllegalStateException(resource + ":" + (i + 1) + ": expected 4 fields separated by |, got " + p.length);
                }
                out.add(new IdentityCase(i + 1, p[0].strip(), p[1].strip(), p[2].strip(), p[3].strip()));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
