package dev.mcd.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    static List<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        String where = "";
        try (InputStream in = ParseCasesTest.class.getResourceAsStream("/expr/parse-cases.txt")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                String trimmed = line.strip();
                if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                    continue;
                }
                if (trimmed.startsWith("where:")) {
                    where = trimmed.substring("where:".length()).strip();
                    continue;
                }
                int error = line.indexOf(" !! ");
                if (error >= 0) {
                    out.add(Arguments.of(new Case(i + 1, where, input(line.substring(0, error)), null, null,
                        line.substring(error + 4).strip())));
                    continue;
                }
                int arrow = line.indexOf(" => ");
                if (arrow < 0) {
                    throw new IllegalStateException("parse-cases.txt:" + (i + 1) + ": no ' => ' or ' !! '");
                }
                String expected = line.substring(arrow + 4);
                int bar = expected.indexOf(" | ");
                String printed = (bar < 0 ? expected : expected.substring(0, bar)).strip();
                String tree = bar < 0 ? null : expected.substring(bar + 3).strip();
                out.add(Arguments.of(new Case(i + 1, where, input(line.substring(0, arrow)), printed, tree, null)));
            }
        }
        return out;
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
