package dev.mcd.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** LatexNames reads a name by hand (no regex engine in the browser build): it must agree with the regex it replaced. */
class NameParseTest {
    private static final Pattern NAME = Pattern.compile(
        "([\\p{L}&&[^_]](?:[\\p{L}&&[^_]]*?))(?:_([\\p{L}\\p{Nd}_]+)|(\\p{Nd}+))?");

    @Provide
    Arbitrary<String> names() {
        // Latin, Greek, a letter outside the BMP, ASCII and Arabic-Indic digits, a superscript digit (not Nd), symbols.
        return Arbitraries.of("a", "W", "σ", "Σ", "𝑥", "1", "0", "٣", "²", "_", "'", "-", " ", "é")
            .list().ofMaxSize(7).map(ts -> String.join("", ts));
    }

    @Property(tries = 20000)
    void readsAsTheRegex(@ForAll("names") String name) {
        Matcher m = NAME.matcher(name);
        LatexNames.Name n = LatexNames.Name.parse(name);
        if (!m.matches()) {
            assertNull(n, name);
            return;
        }
        assertEquals(m.group(1), n.base(), name);
        assertEquals(m.group(2) != null ? m.group(2) : m.group(3), n.sub(), name);
    }
}
