package dev.mcd.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Chars answers as Character and String do, for every code point (its ASCII shortcut only spares the browser a table). */
class CharsTest {
    @Test
    void everyCodePointAnswersAsCharacter() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            assertEquals(Character.isLetter(c), Chars.isLetter(c), "isLetter U+" + Integer.toHexString(c));
            assertEquals(Character.isDigit(c), Chars.isDigit(c), "isDigit U+" + Integer.toHexString(c));
            assertEquals(Character.isLetterOrDigit(c), Chars.isLetterOrDigit(c), "isLetterOrDigit U+" + Integer.toHexString(c));
            assertEquals(Character.isUpperCase(c), Chars.isUpperCase(c), "isUpperCase U+" + Integer.toHexString(c));
            assertEquals(Character.isWhitespace(c), Chars.isWhitespace(c), "isWhitespace U+" + Integer.toHexString(c));
        }
    }

    @Provide
    Arbitrary<String> spaced() {
        // ASCII and Unicode spaces (U+00A0 and U+2007 are not white space to Java), letters, a surrogate pair
        return Arbitraries.of(" ", "\t", "\n", "\u000B", "\u001C", "\u001F", "\u00A0", "\u2003", "\u2007", "\u3000",
                "\u2028", "x", "A", "1", "\u03C3", "\uD835\uDC31", "\uD835").list().ofMaxSize(8).map(l -> String.join("", l));
    }

    @Property(tries = 5000)
    void stripAndIsBlankAnswerAsString(@ForAll("spaced") String s) {
        assertEquals(s.strip(), Chars.strip(s), s);
        assertEquals(s.stripLeading(), Chars.stripLeading(s), s);
        assertEquals(s.isBlank(), Chars.isBlank(s), s);
    }
}
