package dev.mcd.site.engine;

import dev.mcd.calculus.Rewrite;
import dev.mcd.expr.Decls;
import dev.mcd.expr.Dim;
import dev.mcd.expr.Expr;
import dev.mcd.expr.ExprException;
import dev.mcd.expr.Kind;
import dev.mcd.expr.Parser;
import dev.mcd.expr.Pos;
import dev.mcd.expr.Shape;
import dev.mcd.expr.ShapeChecker;
import dev.mcd.calculus.Derivation;
import dev.mcd.print.LatexPrinter;
import dev.mcd.print.Naming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A derive block's {@code names:} key, e.g. {@code names: y = W_2*sigma(W_1*x)}: display-only
 * names for intermediate quantities, so steps read dl/dy as in the tutorial instead of
 * dl/d(W_2 σ(W_1 x)). The engine and the checks never see them; several are separated by ';'.
 * {@link #with} adds the names {@link Naming} chooses for recurring or long subexpressions
 * (unless the block says {@code auto-names: no}), introduced once in the heading.
 */
final class DisplayNames {
    private static final DisplayNames NONE = new DisplayNames(Map.of(), List.of());

    private final Map<Expr, Expr.Var> names;
    private final List<String> definitions;
    private final Naming.Names chosen;

    private DisplayNames(Map<Expr, Expr.Var> names, List<String> definitions) {
        this(names, definitions, Naming.Names.NONE);
    }

    private DisplayNames(Map<Expr, Expr.Var> names, List<String> definitions, Naming.Names chosen) {
        this.names = names;
        this.definitions = definitions;
        this.chosen = chosen;
    }

    /** The author's names and, when {@code auto}, those chosen for this derivation; inner names first. */
    DisplayNames with(Derivation d, boolean auto) {
        Naming.Names all = Naming.choose(d, names, auto);
        List<String> defs = new ArrayList<>();
        for (Naming.Name n : all.list()) {
            defs.add(LatexPrinter.print(n.var()) + " = " + LatexPrinter.print(n.definition()));
        }
        return new DisplayNames(names, defs, all);
    }

    static DisplayNames parse(String text, Decls decls) throws DerivationException {
        if (text.isBlank()) {
            return NONE;
        }
        Map<Expr, Expr.Var> names = new LinkedHashMap<>();
        List<String> definitions = new ArrayList<>();
        int offset = 0;
        for (String part : text.split(";", -1)) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? "" : part.substring(0, eq).strip();
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new DerivationException("names", 0, new Pos(1, offset + 1), "expected 'name = expression' (several separated by ';')");
            }
            String source = part.substring(eq + 1);
            Expr e;
            Shape shape;
            try {
                Parser.Parsed parsed = Parser.parse(source, decls);
                shape = ShapeChecker.check(parsed.expr(), parsed.positions()).of(parsed.expr());
                e = parsed.expr();
            } catch (ExprException x) {
                throw new DerivationException("names", 0, new Pos(1, offset + eq + 1 + x.pos().column()), x.reason());
            }
            Expr.Var var = new Expr.Var(name, kindOf(shape));
            names.put(e, var);
            definitions.add(LatexPrinter.print(var) + " = " + LatexPrinter.print(e));
            offset += part.length() + 1;
        }
        return new DisplayNames(names, definitions);
    }

    private static Kind kindOf(Shape s) {
        if (s.isScalar()) {
            return Kind.SCALAR;
        }
        return s.cols().equals(Dim.ONE) ? Kind.VECTOR : Kind.MATRIX;
    }

    /** The expression as TeX with every named subexpression shown by its name. */
    String tex(Expr e) {
        return tex(e, false);
    }

    /** The same, for an expression known to be a scalar (its zero prints 0, not a bold zero). */
    String tex(Expr e, boolean scalar) {
        Expr shown = !chosen.isEmpty() ? chosen.apply(e) : names.isEmpty() ? e : Rewrite.replace(e, names);
        return LatexPrinter.breakable(shown, scalar);
    }

    /** ", where y = ..." for the block's heading, or "" without names. */
    String whereTex() {
        return definitions.isEmpty() ? "" : ",\\ \\text{where } " + String.join(",\\ ", definitions);
    }
}
