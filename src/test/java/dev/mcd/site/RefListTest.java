package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.site.load.RefList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefListTest {
    private final RefList refs = new RefList(List.of(new RefList.Ref("eq:chain-vector", "eq. (20)"),
            new RefList.Ref("eq:chain-scalar-matrix", "eq. (22)"), new RefList.Ref("eq:chain-vector-vector", "eq. (23)"),
            new RefList.Ref("eq:product-rule", "eq. (10)"), new RefList.Ref("fact:cyclic-trace", "cyclic trace"),
            new RefList.Ref("ex:logistic-loss", "Example 3")));

    @Test
    void suggestsTheNearestIdsOfTheSameKindFirst() {
        assertEquals(List.of("eq:chain-vector-vector", "eq:chain-scalar-matrix", "eq:chain-vector"),
                refs.nearest("eq:chain-scalar-vector"));
        assertEquals(List.of("fact:cyclic-trace"), refs.nearest("eq:cyclic-trace"), "the right name with the wrong kind");
        assertEquals(List.of("ex:logistic-loss"), refs.nearest("ex:logistic-los"));
    }

    @Test
    void suggestsNothingWhenNothingIsNear() {
        assertEquals(List.of(), refs.nearest("ex:completely-different"));
        assertTrue(refs.unknown("#ex:completely-different").endsWith("(./mcd refs lists every id)"));
    }
}
