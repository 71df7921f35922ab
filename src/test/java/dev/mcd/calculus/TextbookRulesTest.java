package dev.mcd.calculus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.expr.Decls;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Parser;
import dev.mcd.verify.EqualityCheck;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every simplification rule is a value whose catalogue reference resolves, and applied to the
 * left side of its catalogue statement it gives the right side (numerically): the rule does what
 * the fact it cites says.
 */
class TextbookRulesTest {
    static Stream<Rule> rules() {
        return Textbook.RULES.stream();
    }

    @Test
    void idsAreUniqueAndEveryReferenceResolves() {
        var ids = new HashSet<String>();
        for (Rule r : Textbook.RULES) {
            assertTrue(ids.add(r.id()), "duplicate rule id " + r.id());
            Identity fact = r.identity();
            assertFalse(fact.statement().isBlank(), r.id() + " cites " + fact.id() + ", which has no checkable statement");
            assertFalse(r.guard().name().isBlank(), r.id() + " has an unnamed guard");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void ruleAppliedToTheLeftSideGivesTheRightSide(Rule rule) {
        Identity fact = rule.identity();
        List<String> sides = fact.sides();
        Decls decls = Decls.parse(fact.where());
        Expr lhs = Tidy.apply(Parser.parse(sides.getFirst(), decls).expr());
        Expr rhs = Parser.parse(sides.getLast(), decls).expr();
        Optional<Expr> rewritten = Strategy.everywhere(rule, lhs);
        assertTrue(rewritten.isPresent(), rule.id() + " does not apply to " + sides.getFirst());
        List<Expr> defining = List.of(lhs);
        EqualityCheck.check(defining, rewritten.get(), rhs, EqualityCheck::varies);
    }

    @Test
    void theStrategyTerminatesOnEveryRuleStatement() {
        for (Rule r : Textbook.RULES) {
            Identity fact = r.identity();
            Decls decls = Decls.parse(fact.where());
            Expr lhs = Tidy.apply(Parser.parse(fact.sides().getFirst(), decls).expr());
            assertTrue(Strategy.exhaust(Textbook.RULES, lhs).size() <= Strategy.MAX_MOVES);
        }
        assertEquals(40, Strategy.MAX_MOVES);
    }
}
