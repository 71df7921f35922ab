package dev.mcd.calculus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A rule id is checked by hand (no regex engine in the browser build): it must agree with the regex it replaced. */
class RuleIdTest {
    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().withChars("az--A0_ ").ofMaxLength(8);
    }

    @Property(tries = 20000)
    void kebabIsTheRegex(@ForAll("ids") String id) {
        assertEquals(id.matches("[a-z]+(-[a-z]+)*"), Rule.isKebab(id), id);
    }
}
