package dev.mcd.verify;

import dev.mcd.expr.Decls;
import dev.mcd.expr.TestDecls;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the spec-style case files under src/test/resources/verify: one case a line, # comments. */
final class Cases {
    private Cases() {}

    static List<String> lines(String file) {
        try (InputStream in = Cases.class.getResourceAsStream("/verify/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource verify/" + file);
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
