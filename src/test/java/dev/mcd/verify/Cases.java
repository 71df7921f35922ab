package dev.mcd.verify;

import dev.mcd.expr.Decls;
import dev.mcd.expr.TestDecls;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Parser;
import dev.mcd.testkit.CaseFile;
import dev.mcd.testkit.CaseLine;
import java.util.List;

/** The case files under src/test/resources/verify (read by {@link CaseFile}) and parsing their expressions. */
final class Cases {
    private Cases() {}

    static List<CaseLine> lines(String file) {
        return CaseFile.read("verify/" + file);
    }

    /** Parses "expr" or "expr ; where: decls". */
    static Expr parse(String line) {
        String[] parts = line.split(";\\s*where:", 2);
        Decls decls = TestDecls.parse(parts.length == 2 ? parts[1].strip() : "", parts[0]);
        return Parser.parse(parts[0].strip(), decls).expr();
    }

    static Expr parse(String source, String where) {
        return Parser.parse(source, TestDecls.parse(where, source)).expr();
    }
}
