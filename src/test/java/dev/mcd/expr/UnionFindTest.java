package dev.mcd.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UnionFindTest {
    @Test
    void joinedClassesShareTheRootTheCallerKept() {
        UnionFind u = new UnionFind();
        int a = u.add();
        int b = u.add();
        int c = u.add();
        u.join(b, a);
        u.join(u.find(c), u.find(b));
        assertEquals(a, u.find(c));
        assertEquals(a, u.find(b));
        assertEquals(3, u.size());
        int d = u.add();
        assertNotEquals(u.find(a), u.find(d));
    }

    @Test
    void joinRefusesANodeThatIsNotARoot() {
        UnionFind u = new UnionFind();
        int a = u.add();
        int b = u.add();
        int c = u.add();
        u.join(b, a);
        assertThrows(IllegalArgumentException.class, () -> u.join(b, c));
    }
}
