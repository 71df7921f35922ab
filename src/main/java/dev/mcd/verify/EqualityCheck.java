package dev.mcd.verify;

import dev.mcd.expr.Expr;
import dev.mcd.expr.TextPrinter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.ejml.data.DMatrixRMaj;

/**
 * Checks that two expressions are equal at random points with random directions, for the
 * {@code identity} and {@code steps} directives, e.g. {@code d(inv(X)) = -inv(X)*d(X)*inv(X)}
 * (eq. 16) or {@code tr(A*B) = tr(B*A)}. Differentials, abstract functions and their derivatives
 * may appear on either side.
 */
public final class EqualityCheck {
    private static final int ATTEMPTS = 16;
    static final Set<String> GREEK = Set.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta",
            "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau",
            "upsilon", "phi", "chi", "psi", "omega");

    private EqualityCheck() {}

    /** Checks with the tutorial's convention for which names vary: see {@link #varies}. */
    public static VerifyReport check(Expr lhs, Expr rhs) {
        return check(lhs, rhs, EqualityCheck::varies);
    }

    /**
     * Checks lhs = rhs at {@value DerivationCheck#POINTS} random points; throws
     * {@link VerificationException} with both values when they differ.
     *
     * @param varies which variables get a direction; the others are constants, so d(A) = 0
     */
    public static VerifyReport check(Expr lhs, Expr rhs, Predicate<String> varies) {
        return check(List.of(lhs, rhs), lhs, rhs, varies);
    }

    /**
     * Checks lhs = rhs where {@code defining} alone decides the sizes and both sides must fit them:
     * a chain's first link (log det(X'X) = 2 log|det X| holds only for square X, which the first
     * link does not force), or a derivation's function for an {@code expect}.
     */
    public static VerifyReport check(List<Expr> defining, Expr lhs, Expr rhs, Predicate<String> varies) {
        int points = DerivationCheck.POINTS;
        List<Expr> rest = java.util.stream.Stream.of(lhs, rhs).filter(e -> !defining.contains(e)).toList();
        long seed = RandomPoint.seedOf(TextPrinter.print(lhs) + " = " + TextPrinter.print(rhs)); // the claim as printed
        double worst = 0;
        String[] sizes = {""};
        for (int i = 0; i < points; i++) {
            worst = Math.max(worst, checkPoint(defining, rest, List.of(lhs, rhs), varies, seed, i, points, sizes));
        }
        return new VerifyReport(points, List.of(new VerifyReport.Measure(VerifyReport.Check.EQUALITY, "both sides agree", worst)),
                sizes[0]);
    }

    private static double checkPoint(List<Expr> defining, List<Expr> rest, List<Expr> roots, Predicate<String> varies,
                                     long seed, int index, int points, String[] sizes) {
        int sizeTry = 0;
        int undefined = 0;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Point p = Symmetrize.of(RandomPoint.draw(defining, rest, varies, seed, index + points * sizeTry, index + points * attempt),
                    defining.size() > 1 ? defining.subList(1, defining.size()) : List.of());
            if (!defining.stream().allMatch(root -> Mat.finite(Evaluator.evaluate(root, p).value()))) {
                sizeTry++; // outside the premise's own domain: new sizes
                continue;
            }
            Evaluation e;
            try {
                e = Evaluator.evaluateAlike(roots, p);
            } catch (VerificationException misfit) {
                throw new VerificationException("the sides do not fit the sizes that " + TextPrinter.print(defining.getFirst())
                        + " allows (" + VerifyReport.sizesOf(p) + "): " + misfit.getMessage());
            }
            DMatrixRMaj l = e.results().get(0).value();
            DMatrixRMaj r = e.results().get(1).value();
            if (!Mat.finite(l) || !Mat.finite(r)) {
                // the premise is defined here but a side is not: new values at the same sizes, and a
                // failure when it persists (a side that needs an inverse these sizes make singular)
                if (++undefined >= 6) {
                    throw new VerificationException("a side is undefined at every random point of the sizes " + VerifyReport.sizesOf(p)
                            + " although " + TextPrinter.print(defining.getFirst()) + " is defined there");
                }
                continue;
            }
            Discrepancy dis = Discrepancy.between(l, r, 1e-4 * e.magnitude());
            if (!dis.within(VerifyReport.Check.EQUALITY.tolerance())) {
                throw new VerificationException("the two sides differ at random point " + (index + 1) + " of " + points
                        + ": left side " + Mat.show(l) + ", right side " + Mat.show(r) + "; " + dis.describe());
            }
            if (index == 0) {
                sizes[0] = VerifyReport.sizesOf(p);
            }
            return dis.relative();
        }
        throw new VerificationException("found no point where both sides are defined (tried " + ATTEMPTS + " random points)");
    }

    /**
     * The tutorial's naming convention (its section on notation): constants come from the first half of the
     * alphabet (a, b, A, B, ...), variables from the second half (t, x, y, X, ...); Greek names
     * (Sigma_1, Lambda) are constants. So eq. 12, d(A*X*B + C) = A*d(X)*B, holds as written.
     */
    public static boolean varies(String name) {
        int end = 0; // up to the first _ or digit, by hand: a regex would put the regex engine into the browser build
        while (end < name.length() && name.charAt(end) != '_' && !(name.charAt(end) >= '0' && name.charAt(end) <= '9')) {
            end++;
        }
        String base = name.substring(0, end).toLowerCase(Locale.ROOT);
        if (base.isEmpty() || GREEK.contains(base)) {
            return false;
        }
        char c = base.charAt(0);
        return c >= 'n' && c <= 'z';
    }
}
