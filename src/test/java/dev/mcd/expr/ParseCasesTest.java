package dev.mcd.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.testkit.CaseFile;
import dev.mcd.testkit.CaseLine;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every case of {@code expr/parse-cases.txt}: the printed form, the tree, or the error and its position. */
class ParseCasesTest {

    record Case(int line, String where, String input, String printed, String tree, String error) {
        @Override
        public String toString() {
            return "line " + line + ": " + input.replace("\n", "\\n");
        }
    }

    static List<Arguments> cases() {
        return CaseFile.read("expr/parse-cases.txt").stream().map(ParseCasesTest::parseCase).map(Arguments::of).toList();
    }

    private static Case parseCase(CaseLine c) {
        if (c.has(" !! ")) {
            List<String> f = c.fields(" !! ", 2);
            return new Case(c.number(), c.where(), input(f.get(0)), null, null, f.get(1));
        }
        if (!c.has(" => ")) {
            throw c.error("no ' => ' or ' !! '");
        }
        List<String> f = c.fields(" => ", 2);
        List<String> expected = c.part(f.get(1)).fields(" | ", 1, 2);
        return new Case(c.number(), c.where(), input(f.get(0)), expected.get(0), expected.size() == 2 ? expected.get(1) : null, null);
    }

    private static String input(String raw) {
        return raw.strip().replace("\\n", "\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parses(Case c) {
        Decls decls = TestDecls.parse(c.where(), c.input());
        if (c.error() != null) {
            ExprException e = assertThrows(ExprException.class, () -> Parser.parse(c.input(), decls));
            int space = c.error().indexOf(' ');
            assertEquals(c.error().substring(0, space), e.pos().toString(), e.render());
            assertTrue(e.reason().startsWith(c.error().substring(space + 1)), e.render());
            assertTrue(e.render().startsWith(c.error().replaceFirst(" ", ": ")), e.render());
            return;
        }
        Parser.Parsed parsed = Parser.parse(c.input(), decls);
        assertEquals(c.printed(), TextPrinter.print(parsed.expr()));
        if (c.tree() != null) {
            assertEquals(c.tree(), Trees.show(parsed.expr()));
        }
        // The printed form is the language too, and reads back as the same tree.
        assertEquals(parsed.expr(), Parser.parse(c.printed(), decls).expr());
    }
}
