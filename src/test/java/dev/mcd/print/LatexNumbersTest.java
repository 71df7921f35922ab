package dev.mcd.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * LatexNumbers writes a decimal from Double.toString's digits by hand (no java.math in the browser
 * bundle); here, on the JVM, it must agree with the BigDecimal reading it replaced.
 */
class LatexNumbersTest {
    /** The BigDecimal version this replaced. */
    private static String reference(double v) {
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        if (v >= 1e-4 && v < 1e7) {
            return d.toPlainString();
        }
        int exponent = d.precision() - d.scale() - 1;
        String mantissa = d.movePointLeft(exponent).stripTrailingZeros().toPlainString();
        return (mantissa.equals("1") ? "" : mantissa + "\\times ") + "10^{" + exponent + "}";
    }

    @Provide
    Arbitrary<Double> magnitudes() {
        // every decade from 1e-320 to 1e300, short and long mantissas, and the edges of the plain range
        Arbitrary<Double> spread = Arbitraries.integers().between(-320, 300).flatMap(e -> Arbitraries.oneOf(
                Arbitraries.doubles().between(1, 10).map(m -> m * Math.pow(10, e)),
                Arbitraries.integers().between(1, 999).map(m -> m * Math.pow(10, e))));
        return Arbitraries.oneOf(spread, Arbitraries.of(1e-4, 9.999e-5, 1e7, 9999999.5, 0.1, 0.37, 1.5e-7, 123.456,
                Double.MIN_VALUE, Double.MAX_VALUE, 0.30000000000000004, 1e21, 1.0e-10));
    }

    @Property(tries = 20000)
    void decimalReadsAsBigDecimal(@ForAll("magnitudes") double v) {
        assertEquals(reference(v), LatexNumbers.decimal(v), Double.toString(v));
    }

    @Test
    void examples() {
        assertEquals("0.37", LatexNumbers.decimal(0.37));
        assertEquals("1.5\\times 10^{-7}", LatexNumbers.decimal(1.5e-7));
        assertEquals("10^{20}", LatexNumbers.decimal(1e20));
        assertEquals("0.00015", LatexNumbers.decimal(1.5e-4));
    }
}
