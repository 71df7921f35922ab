package dev.mcd.verify;

import dev.mcd.calculus.Catalogue;
import dev.mcd.calculus.Identity;
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
        String[] sides = id.statement().split("=");
        for (int k = 1; k < sides.length; k++) {
            // throws, naming both values, when a link does not hold
            EqualityCheck.check(Cases.parse(sides[k - 1].strip(), id.where()), Cases.parse(sides[k].strip(), id.where()));
        }
    }
}
