package dev.mcd.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeclsTest {

    @Test
    void parsesCommaSeparatedEntries() {
        Decls d = Decls.parse("A: matrix, x: vector, t: scalar, l: scalar");
        assertEquals(Kind.MATRIX, d.kindOf("A"));
        assertEquals(Kind.VECTOR, d.kindOf("x"));
        assertEquals(Kind.SCALAR, d.kindOf("t"));
        assertEquals(Kind.SCALAR, d.kindOf("l"));
        assertEquals(List.of("A", "l", "t", "x"), List.copyOf(d.asMap().keySet()));
        assertEquals("A: matrix, l: scalar, t: scalar, x: vector", d.toString());
    }

    @Test
    void parsesLinesAndBlankEntries() {
        Decls d = Decls.parse("\n  W_1 : matrix\nb:vector,\n\n");
        assertEquals(Map.of("W_1", Kind.MATRIX, "b", Kind.VECTOR), d.asMap());
        assertEquals(Decls.empty(), Decls.parse("  "));
    }

    @Test
    void declaredWinsOverTheDefault() {
        Decls d = Decls.parse("a: matrix, B: scalar");
        assertEquals(Kind.MATRIX, d.kindOf("a"));
        assertEquals(Kind.SCALAR, d.kindOf("B"));
        assertEquals(Optional.of(Kind.SCALAR), d.declared("B"));
        assertEquals(Optional.empty(), d.declared("C"));
        assertTrue(d.isDeclared("a"));
        assertFalse(d.isDeclared("x"));
    }

    @ParameterizedTest
    @CsvSource({"X, MATRIX", "x, VECTOR", "W_1, MATRIX", "sigma, VECTOR", "Sigma, MATRIX", "σ, VECTOR",
        "Σ_2, MATRIX", "Λ, MATRIX", "lambda, VECTOR"})
    void defaultsByTheInitialsCase(String name, Kind kind) {
        assertEquals(kind, Decls.empty().kindOf(name));
    }

    @Test
    void greekLettersAndTheirSpellingsAreOneName() {
        Decls d = Decls.parse("σ: scalar, Λ: matrix");
        assertEquals(Kind.SCALAR, d.kindOf("sigma"));
        assertEquals(Kind.MATRIX, d.kindOf("Lambda"));
        assertEquals(List.of("Lambda", "sigma"), List.copyOf(d.asMap().keySet()));
        ExprException e = assertThrows(ExprException.class, () -> Decls.parse("sigma: scalar, σ: vector"));
        assertEquals("1:16", e.pos().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "A matrix; 1:1; expected 'name: kind' (kind is scalar, vector or matrix)",
        "A: matrix, x: vectr; 1:15; unknown kind 'vectr': expected scalar, vector, matrix, square matrix, symmetric, spd, or for an abstract function scalar function, vector function, matrix function or elementwise function",
        "A: matrix\\nx:; 2:3; unknown kind '': expected scalar, vector, matrix, square matrix, symmetric, spd, or for an abstract function scalar function, vector function, matrix function or elementwise function",
        "2x: vector; 1:1; '2x' is not a name",
        "x y: vector; 1:1; 'x y' is not a name",
        "I: matrix; 1:1; 'I' is built into the language and cannot be declared",
        "x: vector,  tr: scalar; 1:13; 'tr' is built into the language and cannot be declared",
        "x: vector, x: scalar; 1:12; 'x' is declared twice",
    })
    void errorsArePositioned(String where, String pos, String message) {
        String text = where.replace("\\n", "\n");
        ExprException e = assertThrows(ExprException.class, () -> Decls.parse(text));
        assertEquals(message, e.reason());
        assertEquals(pos, e.pos().toString());
        assertEquals(text, e.source());
    }

    @Test
    void ofNormalizesNames() {
        assertEquals(Decls.parse("sigma: scalar"), Decls.of(Map.of("σ", Kind.SCALAR)));
    }
}
