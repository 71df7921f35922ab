package dev.mcd.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** sourceLine walks the lines by hand (no regex engine in the browser build): it must agree with split("\n", -1). */
class SourceLineTest {
    @Provide
    Arbitrary<String> sources() {
        return Arbitraries.strings().withChars("ab \n\r").ofMaxLength(12);
    }

    @Property(tries = 20000)
    void lineIsTheSplitLine(@ForAll("sources") String source, @ForAll @IntRange(min = 1, max = 8) int line) {
        String[] lines = source.split("\n", -1);
        String expected = line <= lines.length ? lines[line - 1] : "";
        assertEquals(expected, new ExprException("m", new Pos(line, 1), source).sourceLine(), source + " line " + line);
    }
}
