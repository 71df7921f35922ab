package dev.mcd.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-line summaries: the measured one for {@code mcd derive}, the claimed one the site shows as a tooltip. */
class VerifyReportTest {
    @Test
    void summaryListsEveryCheckWithOneDigit() {
        VerifyReport r = new VerifyReport(3, List.of(
                new VerifyReport.Measure(VerifyReport.Check.STEPS, "steps agree", 2.2e-15),
                new VerifyReport.Measure(VerifyReport.Check.IDENTIFICATION, "tr(G dX) form", 1.4e-15),
                new VerifyReport.Measure(VerifyReport.Check.FINITE_DIFFERENCES, "finite differences", 3.1e-9)), "W 2×5, x 5×1");
        assertEquals("checked at 3 random points (sizes W 2×5, x 5×1 at the first): steps agree to 2e-15, tr(G dX) form to 1e-15, finite differences to 3e-9",
                r.summary());
        assertEquals("checked at 3 random points (sizes W 2×5, x 5×1 at the first): steps agree to 1e-9, tr(G dX) form to 1e-9, finite differences to 1e-6",
                r.claim());
        assertEquals(3.1e-9, r.maxFiniteDifferenceError());
        assertTrue(Double.isNaN(r.maxEqualityError()));
    }

    @Test
    void theClaimDoesNotMoveWithTheMeasuredErrors() {
        VerifyReport a = new VerifyReport(3, List.of(new VerifyReport.Measure(VerifyReport.Check.EQUALITY, "both sides agree", 4e-16)), "");
        VerifyReport b = new VerifyReport(3, List.of(new VerifyReport.Measure(VerifyReport.Check.EQUALITY, "both sides agree", 5e-16)), "");
        assertEquals(a.claim(), b.claim());
        assertEquals("checked at 3 random points: both sides agree to 1e-9", a.claim());
    }

    @Test
    void briefNumbers() {
        assertEquals("0", VerifyReport.brief(0));
        assertEquals("5e-1", VerifyReport.brief(0.5));
        assertEquals("1", VerifyReport.brief(1));
        assertEquals("2e1", VerifyReport.brief(20));
        assertEquals("NaN", VerifyReport.brief(Double.NaN));
    }
}
