package dev.mcd.calculus;

import dev.mcd.expr.Decls;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Parser;
import dev.mcd.expr.TextPrinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Not an assertion: writes every derive block's result and its printed length to target/site-results.tsv (longest first). */
class SiteResultsDump {
    @Test
    void dump() throws Exception {
        List<String> rows = new ArrayList<>();
        try (var files = Files.list(Path.of("content"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                List<String> lines = Files.readAllLines(p);
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).strip().equals("```derive")) {
                        continue;
                    }
                    String expr = "", wrt = "", where = "";
                    for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
                        String l = lines.get(j);
                        int c = l.indexOf(':');
                        if (c < 0) continue;
                        String k = l.substring(0, c).strip(), v = l.substring(c + 1).strip();
                        switch (k) {
                            case "expr" -> expr = v;
                            case "wrt" -> wrt = v;
                            case "where" -> where = v;
                            default -> {}
                        }
                    }
                    try {
                        Decls decls = where.isEmpty() ? Decls.empty() : Decls.parse(where);
                        Expr f = Parser.parse(expr, decls).expr();
                        Derivation d = Deriver.derive(f, new Expr.Var(wrt, decls.kindOf(wrt)), decls.premises());
                        String r = TextPrinter.print(d.result());
                        rows.add(r.length() + "\t" + p.getFileName() + ":" + (i + 1) + "\t" + expr + "\t" + wrt + "\t" + where + "\t" + r);
                    } catch (RuntimeException e) {
                        rows.add("0\t" + p.getFileName() + ":" + (i + 1) + "\t" + expr + "\tERROR " + e.getMessage());
                    }
                }
            }
        }
        rows.sort((a, b) -> Integer.parseInt(b.split("\t")[0]) - Integer.parseInt(a.split("\t")[0]));
        Files.write(Path.of("target/site-results.tsv"), rows);
    }
}
