package dev.mcd.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.site.Problems;
import dev.mcd.site.SiteConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Every page of site-output/ in headless Chromium, served under the site's path as GitHub Pages
 * serves it (/mcd/): axe-core (npm, from src/test/js, injected into the page) finds no violation,
 * and 404.html answering a missing address three folders deep loads every asset. Outside CI the
 * test is skipped when Chromium or axe-core is missing; under CI=true that is a failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityTest {
    /** axe.run, answering through WebDriver's async callback with one line per violation. */
    private static final String RUN_AXE = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']})
              .then(r => done(r.violations.map(v => v.impact + ' ' + v.id + ' (' + v.nodes.length + '×, e.g. '
                  + v.nodes[0].target.join(' ') + ')')))
              .catch(e => done(['axe failed: ' + e]));
            """;

    private Path site;
    private String axe;
    private BrowserFixture browser;
    private WebDriver driver;

    @BeforeAll
    void start() throws IOException {
        Path axeFile = BrowserFixture.projectRoot().resolve("src/test/js/node_modules/axe-core/axe.min.js");
        BrowserFixture.require(Files.isRegularFile(axeFile), "axe-core missing: npm ci --prefix src/test/js");
        site = BrowserFixture.builtSiteWith("index.html");
        axe = Files.readString(axeFile, StandardCharsets.UTF_8);
        var problems = new Problems();
        browser = BrowserFixture.underPath(site, SiteConfig.load(BrowserFixture.projectRoot(), problems).sitePath());
        driver = browser.driver();
        // axe-core on the longest pages takes longer than the fixture's 20 s script timeout
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(90));
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void axeFindsNoViolationOnAnyPage() throws IOException {
        List<String> names;
        try (Stream<Path> s = Files.list(site)) {
            names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().toList();
        }
        var violations = new ArrayList<String>();
        for (String name : names) {
            driver.get(browser.url(name).toString());
            js().executeScript(axe);
            @SuppressWarnings("unchecked")
            var found = (List<Object>) js().executeAsyncScript(RUN_AXE);
            found.forEach(v -> violations.add(name + ": " + v));
        }
        assertEquals(List.of(), violations, "axe-core violations on " + names.size() + " pages");
    }

    @Test
    void theNotFoundPageLoadsItsAssetsThreeFoldersDeep() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.get(browser.url("no/such/folder/page.html").toString());
            Object failed = js().executeScript("""
                    const bad = performance.getEntriesByType('resource')
                        .filter(e => e.responseStatus !== 200).map(e => e.name + ' ' + e.responseStatus);
                    const sheets = [...document.styleSheets].filter(s => { try { return s.cssRules.length > 0; } catch (e) { return false; } });
                    if (sheets.length !== document.querySelectorAll('link[rel=stylesheet]').length) bad.push('a stylesheet did not load');
                    return bad;""");
            assertEquals(List.of(), failed);
            browser.shot("404-subpath-390");
        } finally {
            driver.manage().window().setSize(new Dimension(1400, 1000));
        }
    }

    @Test
    void searchOnAPhoneFindsAFormulaAndStaysOnScreen() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.get(browser.url("index.html").toString());
            var input = driver.findElement(org.openqa.selenium.By.id("search-input"));
            input.click();
            input.sendKeys("log det");
            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("#search-results li a")).isEmpty());
            var box = driver.findElement(org.openqa.selenium.By.id("search-results")).getRect();
            long width = (Long) js().executeScript("return document.documentElement.clientWidth;");
            assertTrue(box.getX() >= 0 && box.getX() + box.getWidth() <= width, "results inside the screen: " + box.getX()
                    + "+" + box.getWidth() + " of " + width);
            String first = driver.findElement(org.openqa.selenium.By.cssSelector("#search-results li a")).getAttribute("href");
            assertTrue(first.contains("#ex:logdet"), "the first result is a log-det derivation, at its anchor: " + first);
            browser.shot("search-390");
        } finally {
            driver.manage().window().setSize(new Dimension(1400, 1000));
        }
    }

    @Test
    void everyDerivationOffersItsCommandAndItsTexToCopy() {
        browser.openShowing("worked-examples.html", ".result[data-command]");
        @SuppressWarnings("unchecked")
        var bars = (List<String>) js().executeScript("""
                return [...document.querySelectorAll('.result[data-command]')].map(r =>
                    r.getAttribute('data-command') + ' | ' + [...r.querySelectorAll('.copy-bar button')].map(b => b.textContent).join(','));""");
        assertTrue(!bars.isEmpty(), "derivations on the page");
        for (String bar : bars) {
            assertTrue(bar.startsWith("./mcd derive ") && bar.contains(" | Copy command,Copy expression,Copy TeX"), bar);
        }
    }

    private JavascriptExecutor js() {
        return browser.js();
    }
}
