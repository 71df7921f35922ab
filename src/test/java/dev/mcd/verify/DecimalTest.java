package dev.mcd.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decimal must print exactly what String.format prints on the JVM (the browser build depends on it). */
class DecimalTest {

    @Test
    void agreesWithStringFormatOnEdgesAndRandomDoubles() {
        double[] edges = {0, -0.0, 1, -1, 9.5, 9.49, 0.5, 0.95, 2.5e-15, 9.99999999995, 1e-4, 9.99999e-5, 1e10, 9999999999.5,
            123456789012.0, 1.9677357057029172E-16, 1.0043755942754173E-10, Double.MIN_VALUE, Double.MAX_VALUE,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.00012345678905, 5e-324};
        for (double v : edges) {
            check(v);
        }
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 3) {
                case 0 -> random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
                case 1 -> Double.longBitsToDouble(random.nextLong());
                default -> Math.round(random.nextDouble() * 1e6) / Math.pow(10, random.nextInt(12));
            };
            check(v);
        }
    }

    private static void check(double v) {
        if (Double.isNaN(v) && !Double.isNaN(v + 0)) {
            return;
        }
        assertEquals(String.format(Locale.ROOT, "%.0e", v), Decimal.sci(v, 1), "%.0e of " + v);
        assertEquals(String.format(Locale.ROOT, "%.2e", v), Decimal.sci(v, 3), "%.2e of " + v);
        assertEquals(String.format(Locale.ROOT, "%.10g", v), Decimal.general(v, 10), "%.10g of " + v);
    }
}
