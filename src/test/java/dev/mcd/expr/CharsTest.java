package dev.mcd.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Chars answers as Character does for every code point (its ASCII shortcut only spares the browser a table). */
class CharsTest {
    @Test
    void everyCodePointAnswersAsCharacter() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            assertEquals(Character.isLetter(c), Chars.isLetter(c), "isLetter U+" + Integer.toHexString(c));
            assertEquals(Character.isDigit(c), Chars.isDigit(c), "isDigit U+" + Integer.toHexString(c));
            assertEquals(Character.isLetterOrDigit(c), Chars.isLetterOrDigit(c), "isLetterOrDigit U+" + Integer.toHexString(c));
            assertEquals(Character.isUpperCase(c), Chars.isUpperCase(c), "isUpperCase U+" + Integer.toHexString(c));
        }
    }
}
