package dev.mcd.verify;

import dev.mcd.calculus.Catalogue;
import dev.mcd.calculus.Identity;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every statement of the identity catalogue (eqs. 1–23 and the helper facts) holds numerically, link by link. */
class CatalogueIdentitiesTest {
    static Stream<Identity> identities() {
        return Catalogue.ALL.stream().filter(i -> !i.statement().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identities")
    void statementHolds(Identity id) {
        List<String> sides = id.sides();
        for (int k = 1; k < sides.size(); k++) {
            // throws, naming both values, when a link does not hold
            EqualityCheck.check(Cases.parse(sides.get(k - 1), id.where()), Cases.parse(sides.get(k), id.where()));
        }
    }
}
