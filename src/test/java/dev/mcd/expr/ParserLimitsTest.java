package dev.mcd.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile inputs end in a positioned ExprException, never a StackOverflowError or a hang. */
class ParserLimitsTest {

    private static ExprException rejects(String source) {
        return assertThrows(ExprException.class, () -> Parser.parse(source, Decls.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"(", "-", "x^", "tr(", "kron(x, ", "sigma'("})
    void tenThousandLevelsAreRejectedAtLevel501(String opener) {
        String source = opener.repeat(10_000) + "x" + ")".repeat(10_000);
        ExprException e = rejects(source);
        assertEquals("the expression is nested deeper than 500 levels", e.reason());
        assertEquals(1, e.pos().line());
        assertTrue(e.render().length() < 1000, "the caret line is cut to the neighbourhood");
    }

    @Test
    void depthErrorPointsAtTheToken() {
        assertEquals(new Pos(1, 501), rejects("(".repeat(10_000) + "x" + ")".repeat(10_000)).pos());
    }

    @Test
    void fiveHundredLevelsStillParseCheckAndPrintOnADefaultStack() throws InterruptedException {
        String source = "(".repeat(240) + "-tr(x'*A*x)" + ")".repeat(240) + "+" + "x^".repeat(400) + "2";
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<String> printed = new AtomicReference<>();
        // 1 MB is the default stack of a Java thread on 64-bit Linux; parsing and checking
        // deep trees move to a large stack by themselves, printing needs about 512 KB.
        Thread t = new Thread(null, () -> {
            try {
                Parser.Parsed p = Parser.parse(source, Decls.parse("x: scalar"));
                ShapeChecker.check(p.expr(), p.positions());
                printed.set(TextPrinter.print(p.expr()));
                assertEquals(p.expr(), Parser.parse(printed.get(), Decls.parse("x: scalar")).expr());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "default-stack", 1024 * 1024);
        t.start();
        t.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertTrue(printed.get().startsWith("-tr(x'*A*x) + x^x^"));
    }

    @Test
    void aMegabyteIsRejectedAtTheLimit() {
        String source = "x + ".repeat(262_144);
        ExprException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> rejects(source));
        assertEquals("the expression is longer than 100000 characters", e.reason());
        assertEquals(new Pos(1, 100_001), e.pos());
    }

    @Test
    void aMegabyteOverManyLinesNamesTheLine() {
        String source = "x +\n".repeat(262_144);
        ExprException e = rejects(source);
        assertEquals(new Pos(25_001, 1), e.pos());
    }

    @Test
    void justUnderTheLimitParsesChecksAndPrintsQuickly() {
        String source = "x + ".repeat(24_999) + "x";
        assertTrue(source.length() <= Parser.MAX_LENGTH);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Parser.Parsed p = Parser.parse(source, Decls.empty());
            Expr.Add add = assertInstanceOf(Expr.Add.class, p.expr());
            assertEquals(25_000, add.terms().size());
            assertEquals("n_x×1", ShapeChecker.check(p.expr(), p.positions()).of(add).toString());
            assertEquals(source, TextPrinter.print(p.expr()));
        });
    }

    @Test
    void aLongProductChainIsFlatNotDeep() {
        String source = "A*".repeat(30_000) + "x";
        Parser.Parsed p = Parser.parse(source, Decls.empty());
        assertEquals(30_001, assertInstanceOf(Expr.Mul.class, p.expr()).factors().size());
        assertEquals("m_A×1", ShapeChecker.check(p.expr(), p.positions()).of(p.expr()).toString());
    }

    @Test
    void manyTransposesAreALoop() {
        Parser.Parsed p = Parser.parse("x" + "'".repeat(400), Decls.empty());
        assertEquals("x" + "'".repeat(400), TextPrinter.print(p.expr()));
    }
}
