package dev.mcd.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random inputs end in a tree or an ExprException; random trees print and parse back unchanged. */
class ParserProperties {
    private static final Decls DECLS = Decls.parse(
        "A: matrix, B: matrix, x: vector, y: vector, t: scalar, s: scalar, l: scalar function, f: vector function, F: matrix function, g: scalar function, sigma: elementwise function");

    private static final List<String> TOKENS = List.of("x", "A", "t", "W_1", "σ", "sigma", "l", "f", "d", "dA",
        "I", "ones", "tr", "inv", "kron", "tanh", "norm2", "diag", "vec", "0", "1", "2.5", "1e3", "(", ")", ",",
        "+", "-", "*", "/", ".*", "./", "^", ".^", "'", " ", "\n", ".", "$", "é", "_", "9");

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(40).map(ts -> String.join("", ts));
    }

    @Provide
    Arbitrary<String> characters() {
        return Arbitraries.strings().withChars("xAt()+-*/.^',0123456789 \n_σ$e").ofMaxLength(60);
    }

    @Property(tries = 3000)
    void tokenSoupParsesOrFailsWithAPosition(@ForAll("tokenSoup") String source) {
        parsesOrFailsCleanly(source);
    }

    @Property(tries = 2000)
    void characterSoupParsesOrFailsWithAPosition(@ForAll("characters") String source) {
        parsesOrFailsCleanly(source);
    }

    @Property(tries = 500)
    void anyUnicodeParsesOrFailsWithAPosition(@ForAll String source) {
        parsesOrFailsCleanly(source);
    }

    private static void parsesOrFailsCleanly(String source) {
        Parser.Parsed parsed;
        try {
            parsed = Parser.parse(source, DECLS);
        } catch (ExprException e) {
            assertPositionInside(e, source);
            return;
        }
        assertEquals(parsed.expr(), Parser.parse(TextPrinter.print(parsed.expr()), DECLS).expr(), source);
        everyNodeHasAPosition(parsed);
        try {
            ShapeChecker.check(parsed.expr(), parsed.positions());
        } catch (ExprException e) {
            assertPositionInside(e, source);
        }
    }

    private static void assertPositionInside(ExprException e, String source) {
        String[] lines = source.split("\n", -1);
        assertTrue(e.pos().line() <= lines.length, e.render());
        assertTrue(e.pos().column() <= lines[e.pos().line() - 1].length() + 1, e.render());
        assertTrue(e.render().startsWith(e.pos() + ": "), e.render());
    }

    private static void everyNodeHasAPosition(Parser.Parsed parsed) {
        ArrayDeque<Expr> todo = new ArrayDeque<>(List.of(parsed.expr()));
        while (!todo.isEmpty()) {
            Expr e = todo.pop();
            assertTrue(parsed.positions().of(e).isPresent(), "no position for " + e);
            todo.addAll(e.children());
        }
    }


    // --- round trip ---------------------------------------------------------------------------

    /**
     * Trees the parser can produce: any nesting, names and kinds as DECLS gives them. Built from a
     * Random directly (no shrinking): composing jqwik arbitraries four levels deep took 20 ms a tree.
     */
    @Provide
    Arbitrary<Expr> trees() {
        return Arbitraries.randomValue(random -> tree(random, 4));
    }

    private static final List<String> NAMES = List.of("A", "B", "x", "y", "t", "s", "W_1", "Sigma_2", "lambda", "d", "dz", "X");
    private static final double[] NUMBERS = {1, 2, 3, 0.5, 2.25, 1e-5, 1e20, 123456, 0.0, -0.0, -2, -0.5, -1};
    private static final Fn[] ELEMENTWISE = Arrays.stream(Fn.values()).filter(Fn::elementwise).toArray(Fn[]::new);

    private static Expr tree(Random r, int depth) {
        if (depth == 0 || r.nextInt(10) < 3) {
            return leaf(r);
        }
        int d = depth - 1;
        return switch (r.nextInt(18)) {
            case 0 -> new Expr.Add(list(r, d));
            case 1 -> new Expr.Mul(list(r, d));
            case 2 -> new Expr.Neg(tree(r, d));
            case 3 -> new Expr.Div(tree(r, d), tree(r, d));
            case 4 -> new Expr.Hadamard(tree(r, d), tree(r, d));
            case 5 -> new Expr.HadamardDiv(tree(r, d), tree(r, d));
            case 6 -> new Expr.Kron(tree(r, d), tree(r, d));
            case 7 -> {
                Expr exponent = tree(r, d);
                // X^-1 reads as inv(X): the parser never makes Pow(X, -1).
                yield new Expr.Pow(tree(r, d), exponent.equals(new Expr.Num(-1)) ? new Expr.Num(-2) : exponent);
            }
            case 8 -> new Expr.ElemPow(tree(r, d), tree(r, d));
            case 9 -> new Expr.Inv(tree(r, d));
            case 10 -> new Expr.Transpose(tree(r, d));
            case 11 -> new Expr.Call(Fn.values()[r.nextInt(Fn.values().length)], tree(r, d));
            case 12 -> new Expr.Prime(ELEMENTWISE[r.nextInt(ELEMENTWISE.length)], tree(r, d));
            case 13 -> abstractApply(r, d);
            case 14 -> new Expr.Grad(abstractApply(r, d));
            case 15 -> {
                Expr arg = tree(r, d);
                yield new Expr.Apply("sigma", arg, KindGuess.of(arg), true, r.nextInt(3));
            }
            case 16 -> new Expr.Diff(tree(r, d));
            default -> new Expr.Add(List.of(tree(r, d), new Expr.Neg(tree(r, d))));
        };
    }

    private static List<Expr> list(Random r, int depth) {
        List<Expr> out = new ArrayList<>();
        for (int i = 2 + r.nextInt(2); i > 0; i--) {
            out.add(tree(r, depth));
        }
        return out;
    }

    private static Expr.Apply abstractApply(Random r, int depth) {
        String name = List.of("l", "f", "F", "g").get(r.nextInt(4));
        return new Expr.Apply(name, tree(r, depth), DECLS.function(name).orElseThrow().kind(), false, 0);
    }

    private static Expr leaf(Random r) {
        return switch (r.nextInt(8)) {
            case 0, 1 -> new Expr.Num(NUMBERS[r.nextInt(NUMBERS.length)]);
            case 2 -> List.of(new Expr.Identity(), new Expr.Zero(), new Expr.Ones()).get(r.nextInt(3));
            default -> {
                String name = NAMES.get(r.nextInt(NAMES.size()));
                yield new Expr.Var(name, DECLS.kindOf(name));
            }
        };
    }

    @Property(tries = 2000)
    void printedTreesParseBackEqual(@ForAll("trees") Expr tree) {
        String printed = TextPrinter.print(tree);
        Parser.Parsed back = Parser.parse(printed, DECLS);
        assertEquals(tree, back.expr(), printed);
        assertEquals(printed, TextPrinter.print(back.expr()));
    }

    @Property(tries = 1000)
    void shapeCheckingAnyTreeEndsInShapesOrAnExprException(@ForAll("trees") Expr tree) {
        try {
            Shapes s = ShapeChecker.check(tree, SourceMap.empty());
            s.of(tree);
        } catch (ExprException e) {
            assertEquals(new Pos(1, 1), e.pos());
        }
    }
}
