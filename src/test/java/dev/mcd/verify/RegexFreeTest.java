package dev.mcd.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The engine reads its own messages and numbers by hand so that the browser build carries no regex
 * engine; here, on the JVM, each hand reading must agree with the regex it replaced.
 */
class RegexFreeTest {
    private static final Pattern DIFFER = Pattern.compile(
        "the two sides differ at (random point \\d+ of \\d+)(?: \\(([^)]*)\\))?: .*expected (\\S+), got (\\S+)(.*)", Pattern.DOTALL);

    private static final List<String> MESSAGE_TOKENS = List.of("random point ", "random point", "1", "12", "x", " of ",
        " (", ")", "(", "sizes n=3", ": ", ":", "expected ", "expected", ", got ", ", got", ",", " ", "\n", "\t", "\u000B",
        "[1.5, 2]", "3e-1", "in entry (1,2)", "(relative error 5e-1)", "got ", "é");

    @Provide
    Arbitrary<String> messages() {
        Arbitrary<String> soup = Arbitraries.of(MESSAGE_TOKENS).list().ofMaxSize(25).map(ts -> String.join("", ts));
        // Mostly messages shaped like EqualityCheck's, each piece sometimes replaced by soup.
        Arbitrary<String> sizes = Arbitraries.oneOf(Arbitraries.just(""), soup.map(s -> " (" + s + ")"));
        Arbitrary<String> shaped = Arbitraries.oneOf(
                Arbitraries.just("the two sides differ at random point "), soup).list().ofSize(1)
            .flatMap(head -> Arbitraries.of("1", "12", "x", "").list().ofSize(2).flatMap(nums -> sizes.flatMap(sz -> soup.list().ofSize(3)
                .map(fill -> head.get(0) + nums.get(0) + " of " + nums.get(1) + sz + ": " + fill.get(0) + "expected "
                    + fill.get(1) + ", got " + fill.get(2)))));
        return Arbitraries.oneOf(soup, soup.map(s -> "the two sides differ at " + s), shaped, shaped);
    }

    @Property(tries = 20000)
    void differMessageReadsAsTheRegex(@ForAll("messages") String message) {
        Matcher m = DIFFER.matcher(message);
        DifferMessage d = DifferMessage.parse(message);
        if (!m.matches()) {
            assertNull(d, message);
            return;
        }
        assertEquals(List.of(m.group(1), String.valueOf(m.group(2)), m.group(3), m.group(4), m.group(5)),
            List.of(d.point(), String.valueOf(d.sizes()), d.expected(), d.got(), d.rest()), message);
    }

    /**
     * The regex this replaced ("\\.?0+(e|$)") also ate a whole number's or an exponent's last zeros
     * (1234567890 → 123456789, 1.5e-10 → 1.5e-1), so numbers in "expected …, got …" could be wrong:
     * the shown number must be the value, with no zero after the fraction's last digit.
     */
    @Property(tries = 20000)
    void numShowsTheSameValueWithoutTrailingFractionZeros(@ForAll("doubles") double v) {
        String full = Decimal.general(v, 10);
        String shown = Mat.num(v);
        if (Double.isFinite(v)) {
            assertEquals(Double.parseDouble(full), Double.parseDouble(shown), full + " shown as " + shown);
        }
        String mantissa = shown.contains("e") ? shown.substring(0, shown.indexOf('e')) : shown;
        assertTrue(!mantissa.contains(".") || !(mantissa.endsWith("0") || mantissa.endsWith(".")), shown);
    }

    @Test
    void wholeNumbersAndExponentsKeepTheirZeros() {
        assertEquals(List.of("1234567890", "1.5e-10", "2.5", "1e+05", "0", "-100"),
                List.of(Mat.dropZeros("1234567890"), Mat.dropZeros("1.500000000e-10"), Mat.dropZeros("2.500000000"),
                        Mat.dropZeros("1.000000000e+05"), Mat.dropZeros("0.000000000"), Mat.dropZeros("-100.0000000")));
    }

    @Property(tries = 20000)
    void briefIsTheRegexReplacementOfOneDigit(@ForAll("doubles") double v) {
        String regex = v == 0 ? "0"
            : Decimal.sci(v, 1).replaceFirst("e([+-])0*(\\d)", "e$1$2").replace("e+", "e").replaceFirst("e0$", "");
        assertEquals(regex, VerifyReport.brief(v), "brief of " + v);
    }

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(
            Arbitraries.doubles().between(-1e6, 1e6).ofScale(4),
            Arbitraries.longs().map(Double::longBitsToDouble),
            Arbitraries.integers().between(-320, 310).map(e -> Math.pow(10, e)),
            Arbitraries.integers().between(-320, 310).map(e -> 1.234567891 * Math.pow(10, e)),
            Arbitraries.of(0.0, -0.0, 1.0, 1234567890.0, 1e10, 1e-10, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE));
    }

    @Property(tries = 20000)
    void identifierIsTheRegex(@ForAll("names") String name) {
        assertEquals(name.matches("[A-Za-z][A-Za-z0-9_]*"), VerifiedDerive.isIdentifier(name), name);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("aZz09_ é-\n").ofMaxLength(8);
    }

    @Property(tries = 20000)
    void variesReadsTheBaseAsTheRegex(@ForAll("names") String name) {
        String base = name.split("[_0-9]", 2)[0].toLowerCase(java.util.Locale.ROOT);
        boolean regex = !base.isEmpty() && !EqualityCheck.GREEK.contains(base) && base.charAt(0) >= 'n' && base.charAt(0) <= 'z';
        assertEquals(regex, EqualityCheck.varies(name), name);
    }
}
