package dev.mcd.verify;

import dev.mcd.expr.Expr;
import dev.mcd.expr.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.ejml.data.DMatrixRMaj;

/**
 * Seeded random points for numeric checks: every symbolic size in 2..4, Gaussian values (positive
 * definite or positive where {@link Domains} says so), Gaussian directions for the variables that vary, and a
 * concrete instance per abstract function; e.g. for log(det(X)) a 3×3 SPD X and a direction dX.
 * The same expressions, seed and index always give the same point.
 */
public final class RandomPoint {
    private RandomPoint() {}

    /** A stable 64-bit seed from text (FNV-1a), e.g. from an expression as {@code TextPrinter} prints it. */
    public static long seedOf(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Draws a point where every root decides the sizes together, e.g. the two sides of a catalogue identity. */
    public static Point draw(List<Expr> roots, Predicate<String> varies, long seed, int index) {
        return draw(roots, List.of(), varies, seed, index);
    }

    /**
     * Draws point number {@code index}; names shared by several roots get one size and one value.
     * The sizes come from {@code defining} alone (a derivation's function, a chain's first link):
     * the other roots must fit them, so a step that needs X square when f does not (tr(A⊗B) =
     * tr A tr B for non-square A, B) fails at evaluation instead of being checked at square sizes.
     *
     * @param defining the expressions whose shapes are the claim's premise
     * @param rest     every other expression that will be evaluated at the point
     * @param varies   which variables get a direction (the others are constants, d(A) = 0)
     * @param seed     e.g. {@link #seedOf} of the derivation's function
     * @param index    0, 1, 2, ... for successive points (and retries)
     */
    public static Point draw(List<Expr> defining, List<Expr> rest, Predicate<String> varies, long seed, int index) {
        return draw(defining, rest, varies, seed, index, index);
    }

    /**
     * As {@link #draw(List, List, Predicate, long, int)}, with the sizes drawn from their own
     * index: a check keeps the sizes and redraws only the values when a step, not the function, is
     * undefined, so a step that needs an inverse these sizes make singular cannot hide by resizing.
     */
    public static Point draw(List<Expr> defining, List<Expr> rest, Predicate<String> varies, long seed, int sizeIndex, int index) {
        Random sizes = new Random(seed ^ (0x9E3779B97F4A7C15L * (sizeIndex + 1)));
        Random random = new Random(seed ^ (0xC2B2AE3D27D4EB4FL * (index + 1)));
        Sizing sizing = Sizing.empty();
        defining.forEach(sizing::add);
        sizing.resolve(sizes);
        for (Expr r : rest) {
            try {
                sizing.add(r);
            } catch (VerificationException misfit) {
                // left to the evaluator, which names the root that does not fit the premise's sizes
            }
        }
        sizing.resolve(sizes); // names that only the other roots mention
        List<Expr> roots = new ArrayList<>(defining);
        roots.addAll(rest);
        SortedMap<String, EnumSet<Domains.Need>> needs = Domains.of(roots);
        SortedMap<String, DMatrixRMaj> values = new TreeMap<>();
        SortedMap<String, DMatrixRMaj> directions = new TreeMap<>();
        sizing.variableSizes().forEach((name, size) -> {
            values.put(name, value(size[0], size[1], needs.getOrDefault(name, EnumSet.noneOf(Domains.Need.class)), random));
            if (varies.test(name)) {
                directions.put(name, gaussian(size[0], size[1], random));
            }
        });
        SortedMap<String, Instance> functions = new TreeMap<>();
        SortedMap<String, int[]> args = sizing.applyArgSizes();
        SortedMap<String, int[]> outs = sizing.applyValueSizes();
        sizing.applyKinds().forEach((name, kind) -> {
            if (kind == Kind.SCALAR) {
                // alternate the two losses over the points so every check sees both
                functions.put(name, new Instance.Scalar(Loss.values()[Math.floorMod(seedOf(name) + index, 2)]));
            } else {
                int[] in = args.get(name);
                int[] out = outs.get(name);
                int n = in[0] * in[1];
                // scaled so that C x stays in tanh's curved but unsaturated range
                DMatrixRMaj c = Mat.scale(1 / Math.sqrt(n), gaussian(out[0] * out[1], n, random));
                functions.put(name, new Instance.Squashed(c, out[0], out[1]));
            }
        });
        return new Point(values, directions, functions);
    }

    private static DMatrixRMaj value(int rows, int cols, EnumSet<Domains.Need> needs, Random random) {
        boolean positive = needs.contains(Domains.Need.POSITIVE);
        if (needs.contains(Domains.Need.POSITIVE_DEFINITE) && rows == cols) {
            DMatrixRMaj b = positive ? positive(rows, rows, random) : gaussian(rows, rows, random);
            // B B'/n + I/2: symmetric, eigenvalues at least 1/2, entries of order one
            DMatrixRMaj spd = Mat.add(Mat.scale(1.0 / rows, Mat.mul(b, Mat.t(b))), Mat.scale(0.5, Mat.eye(rows)));
            if (positive || rows == 1) {
                return spd;
            }
            // plus a skew part K: X + X' stays positive definite, so every eigenvalue has a positive
            // real part and det X > 0, X invertible; but X is not symmetric, so a derivative off by a
            // transpose (X^-T for X^-1, the gradient for numerator layout) is caught
            DMatrixRMaj c = gaussian(rows, rows, random);
            return Mat.add(spd, Mat.scale(0.5, Mat.sub(c, Mat.t(c))));
        }
        if (positive || needs.contains(Domains.Need.POSITIVE_DEFINITE)) {
            return positive(rows, cols, random);
        }
        return gaussian(rows, cols, random);
    }

    private static DMatrixRMaj gaussian(int rows, int cols, Random random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = random.nextGaussian();
        }
        return m;
    }

    /** Log-normal entries, between about 0.4 and 2.7 most of the time. */
    private static DMatrixRMaj positive(int rows, int cols, Random random) {
        return Mat.map(gaussian(rows, cols, random), g -> Math.exp(0.5 * g));
    }
}
