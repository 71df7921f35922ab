package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.site.engine.DerivationService;
import dev.mcd.site.load.SiteIndex;
import dev.mcd.site.render.Checks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: a "verified" badge exists only for a check the build ran, a statement the engine
 * cannot check carries a visible mark, and {@code verification.html} counts both per page.
 */
class VerificationReportTest {
    @TempDir
    Path tmp;

    private static Checks ledger() {
        return new Checks(SourceFile.of("content/a.md", "line one\nline two\n"));
    }

    @Test
    void aBadgeFromTheLedgerPassesTheAudit() {
        var c = ledger();
        String badge = c.checked(Checks.Kind.CHAIN, "chain x", "each link agrees", 10, 2);
        assertTrue(badge.contains("class=\"verified\"") && badge.contains("data-check=\"1\""), badge);
        assertEquals(List.of(), c.audit("<p>" + badge + "</p>"));
        assertEquals(2, c.entries().getFirst().line());
    }

    @Test
    void aBadgeWithoutACheckFailsTheAudit() {
        var c = ledger();
        String mark = c.marked(Checks.Kind.DISPLAY, "W'W = I", "a constraint", 0);
        assertFalse(mark.contains("verified"), mark);
        assertEquals(List.of("a \"verified\" badge that names no check"),
                c.audit("<span class=\"verified\" title=\"x\">verified</span>"));
        assertEquals(List.of("a \"verified\" badge names check 1, which this build did not run"),
                c.audit("<span class=\"verified\" data-check=\"1\">verified</span>"));
        String badge = c.checked(Checks.Kind.DERIVATION, "d", "ok", 0, 1);
        assertEquals(1, c.audit(badge + badge).size());
    }

    @Test
    void definitionsInTheCatalogueAreMarkedNotVerified() throws Exception {
        var engine = new FakeEngine() {
            @Override
            public List<DerivationService.IdentityView> identities() {
                var out = new ArrayList<>(super.identities());
                out.add(new DerivationService.IdentityView("total-scalars", 24, "total", "scalars", "df = f_x dx",
                        "a definition, stated rather than checked", false));
                return out;
            }
        };
        var out = new SiteBuilder(TestSites.copy("ok", tmp), engine, new FakeMath()).build();
        String ids = new String(out.files().get("identities.html"), StandardCharsets.UTF_8);
        int row = ids.indexOf("<tr id=\"eq:total-scalars\">");
        String line = ids.substring(row, ids.indexOf("</tr>", row));
        assertTrue(line.contains("not machine-checked") && !line.contains("verified"), line);
        String report = new String(out.files().get(SiteIndex.VERIFICATION_PAGE), StandardCharsets.UTF_8);
        assertTrue(report.contains("eq. (24) scalars — a definition, stated rather than checked"), report);
    }

    @Test
    void theReportCountsChecksMarksAndUnmarkedEqualitiesPerPage() throws Exception {
        Path site = TestSites.copy("ok", tmp);
        Files.writeString(site.resolve("content/extra.md"), """
                ---
                title: Extra
                order: 5
                ---
                $$
                a = b
                $$

                ```unchecked
                reason: a constraint on W
                \\mathbf{W}^\\top\\mathbf{W} = \\mathbf{I}
                ```
                """);
        var out = new SiteBuilder(site, new FakeEngine(), new FakeMath()).build();
        String report = new String(out.files().get(SiteIndex.VERIFICATION_PAGE), StandardCharsets.UTF_8);
        assertTrue(report.contains("<tr><td><a href=\"basics.html\">Basics</a></td><td>1</td><td>1 (2)</td><td>3</td>"
                + "<td>0</td><td>0</td></tr>"), report);
        assertTrue(report.contains("<tr><td><a href=\"extra.html\">Extra</a></td><td>0</td><td>0 (0)</td><td>0</td>"
                + "<td><a href=\"#page-extra\">1</a></td><td>1</td></tr>"), report);
        assertTrue(report.contains("<strong>unmarked</strong> displayed statement (line 5): <code>a = b</code>"), report);
        assertTrue(report.contains("displayed statement (line 9): "), report);
        assertTrue(report.contains(" — a constraint on W</li>"), report);
        String extra = new String(out.files().get("extra.html"), StandardCharsets.UTF_8);
        assertTrue(extra.contains("<div class=\"unchecked-statement\"><span class=\"katex-display\">"
                + "\\mathbf{W}^\\top\\mathbf{W} = \\mathbf{I}</span>"), extra);
        assertTrue(extra.contains("not machine-checked</span> a constraint on W</p>"), extra);
    }
}
