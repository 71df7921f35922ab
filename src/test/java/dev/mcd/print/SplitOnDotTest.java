package dev.mcd.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** NumpyPrinter splits a size product by hand (the engine packages stay regex-free): as String.split would. */
class SplitOnDotTest {
    @Provide
    Arbitrary<String> sizes() {
        return Arbitraries.strings().withChars("n·m2·").ofMaxLength(8);
    }

    @Property(tries = 20000)
    void splitsAsStringSplit(@ForAll("sizes") String s) {
        assertEquals(List.of(s.split("·")), NumpyPrinter.splitOnDot(s), s);
    }
}
