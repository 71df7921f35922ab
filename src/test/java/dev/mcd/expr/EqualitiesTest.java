package dev.mcd.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EqualitiesTest {
    @Test
    void sidesKeepTheColumnTheyStartAt() {
        assertEquals(List.of(new Equalities.Side("d(x'*x)", 0), new Equalities.Side("2*x'*d(x)", 10)),
                Equalities.split("d(x'*x) = 2*x'*d(x)"));
    }

    @Test
    void aLeadingEqualsContinuesAChainWithAnEmptyFirstSide() {
        assertEquals(List.of(new Equalities.Side("", 2), new Equalities.Side("x", 4)), Equalities.split("  = x"));
    }

    @Test
    void aChainHasOneSideMoreThanEquals() {
        assertEquals(List.of("a", "b", "c"), Equalities.texts("a = b=c"));
        assertEquals(List.of("tr(X)"), Equalities.texts("tr(X)"));
    }
}
