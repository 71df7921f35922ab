package dev.mcd.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Everything the LaTeX printer writes must render in KaTeX: the data-file cases and random trees. */
class LatexKatexTest {
    private static KatexCheck katex;

    @BeforeAll
    static void start() {
        katex = new KatexCheck();
    }

    @AfterAll
    static void stop() {
        katex.close();
    }

    @Test
    void theCheckerRejectsWhatKatexRejects() {
        assertTrue(katex.check("x^\\top^2").isPresent());
        assertTrue(katex.check("\\topt").isPresent());
        assertEquals(Optional.empty(), katex.check("\\mathbf{x}^\\top"));
    }

    @Test
    void everyExpectedOutputRenders() {
        List<String> failures = new ArrayList<>();
        for (Cases.Case c : Cases.read("/print/latex-cases.txt")) {
            katex.check(c.expected()).ifPresent(msg -> failures.add(c.line() + ": " + c.expected() + " -> " + msg));
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void randomExpressionsRender() {
        RandomExprs random = new RandomExprs(20260101L);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            var e = random.next(3);
            String tex = LatexPrinter.print(e);
            katex.check(tex).ifPresent(msg -> failures.add(e + "\n  " + tex + "\n  " + msg));
        }
        assertEquals(List.of(), failures.stream().limit(5).toList());
    }
}
