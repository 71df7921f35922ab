package dev.mcd.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The built site in real headless Chromium: pages load without console errors or KaTeX errors,
 * KaTeX fonts load, search finds a page, the theme toggle works, the chapter drawer opens on a
 * phone; screenshots go to target/screenshots/. Runs against site-output/ (or -Dmcd.browser.site)
 * when it has an index.html, else against {@link FixtureSite}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteBrowserTest {
    private String derivationPage;
    private BrowserFixture browser;
    private WebDriver driver;

    @BeforeAll
    void start() throws Exception {
        Path site = BrowserFixture.siteOrFixture();
        derivationPage = firstPageWith(site, "class=\"derivation\"");
        browser = BrowserFixture.atRoot(site);
        driver = browser.driver();
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void homePageLoadsCleanly() throws Exception {
        checkPage("index.html", "home");
    }

    @Test
    void derivationPageLoadsCleanly() throws Exception {
        checkPage(derivationPage, "derivation");
        assertFalse(driver.findElements(By.cssSelector(".derivation .result, .derivation .derivation-result")).isEmpty(), "a boxed result");
        var verified = driver.findElements(By.cssSelector(".derivation .verified"));
        assertFalse(verified.isEmpty(), "a verified mark");
        assertFalse(verified.getFirst().getAttribute("title").isBlank(), "the verified mark explains itself");
    }

    @Test
    void searchFindsThePageByAWordOfItsTitle() throws Exception {
        open(derivationPage);
        String title = driver.findElement(By.tagName("h1")).getText();
        String term = List.of(title.split("[^\\p{L}]+")).stream().filter(w -> w.length() >= 4)
                .max(java.util.Comparator.comparingInt(String::length)).orElseThrow(() -> new AssertionError("no word in " + title));
        open("index.html");
        WebElement input = driver.findElement(By.id("search-input"));
        input.click();
        input.sendKeys(term.toLowerCase(java.util.Locale.ROOT));
        var wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(d -> !d.findElements(By.cssSelector("#search-results li a")).isEmpty());
        var links = driver.findElements(By.cssSelector("#search-results li a"));
        assertTrue(links.stream().anyMatch(a -> a.getAttribute("href").endsWith(derivationPage)),
                "a result links to " + derivationPage);
        assertFalse(driver.findElements(By.cssSelector("#search-results mark")).isEmpty(), "the term is highlighted");
        shot("search");
        assertNoConsoleErrors("search");
    }

    @Test
    void themeToggleSwitchesAndIsRemembered() throws Exception {
        open(derivationPage);
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript("localStorage.removeItem('mcd-theme'); document.documentElement.removeAttribute('data-theme');");
        String system = (String) js.executeScript("return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'");
        String bgBefore = (String) js.executeScript("return getComputedStyle(document.body).backgroundColor");
        driver.findElement(By.id("theme-toggle")).click();
        String flipped = system.equals("dark") ? "light" : "dark";
        assertEquals(flipped, js.executeScript("return document.documentElement.getAttribute('data-theme')"));
        assertEquals(flipped, js.executeScript("return localStorage.getItem('mcd-theme')"));
        assertNotEquals(bgBefore, js.executeScript("return getComputedStyle(document.body).backgroundColor"), "colours change");
        shot("derivation-" + flipped);
        driver.navigate().refresh();
        assertEquals(flipped, js.executeScript("return document.documentElement.getAttribute('data-theme')"), "remembered");
        driver.findElement(By.id("theme-toggle")).click();
        assertEquals(system, js.executeScript("return document.documentElement.getAttribute('data-theme')"));
        js.executeScript("localStorage.removeItem('mcd-theme')");
    }

    @Test
    void chapterDrawerOpensOnAPhone() throws Exception {
        var size = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(390, 844));
            open(derivationPage);
            WebElement nav = driver.findElement(By.cssSelector("#site-nav, nav.sidebar"));
            assertFalse(nav.isDisplayed(), "chapters are hidden on a phone");
            driver.findElement(By.id("nav-toggle")).click();
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> nav.isDisplayed());
            assertEquals("true", driver.findElement(By.id("nav-toggle")).getAttribute("aria-expanded"));
            long navHeight = ((Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return Math.round(document.getElementById('site-nav').getBoundingClientRect().bottom)")).longValue();
            long viewport = ((Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return innerHeight")).longValue();
            assertEquals(viewport, navHeight, "the drawer reaches the bottom of the screen");
            assertTrue(driver.findElement(By.id("search-input")).getSize().getWidth() >= 90, "search stays usable on a phone");
            shot("phone-drawer");
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    @Test
    void consoleErrorsAreSeenByThisTest() {
        // Guards the other tests: an empty log must mean "no errors", not "logging is not wired".
        open("index.html");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("console.error('mcd-probe')");
        var entries = driver.manage().logs().get(LogType.BROWSER).getAll();
        assertTrue(entries.stream().anyMatch(e -> e.getMessage().contains("mcd-probe") && e.getLevel() == Level.SEVERE), entries.toString());
    }

    @Test
    void printShowsTheArticleOnlyInBlackOnWhite() throws Exception {
        var chrome = (ChromeDriver) driver;
        open(derivationPage);
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript("document.documentElement.setAttribute('data-theme', 'dark')");
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertFalse(driver.findElement(By.cssSelector("#site-nav, nav.sidebar")).isDisplayed(), "no chapter list on paper");
            assertFalse(driver.findElement(By.id("search-input")).isDisplayed(), "no search box on paper");
            assertEquals("rgb(0, 0, 0)", js.executeScript("return getComputedStyle(document.body).color"));
            assertEquals("rgb(255, 255, 255)", js.executeScript("return getComputedStyle(document.body).backgroundColor"));
            shot("print");
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            js.executeScript("document.documentElement.removeAttribute('data-theme')");
        }
    }

    private void checkPage(String page, String name) throws Exception {
        open(page);
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        assertTrue(driver.findElements(By.cssSelector(".katex")).size() > 0, page + " has maths");
        assertEquals(0, driver.findElements(By.cssSelector(".katex-error")).size(), page + " has KaTeX errors");
        @SuppressWarnings("unchecked")
        var faces = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                document.fonts.ready.then(() => done(Array.from(document.fonts)
                    .filter(f => f.family.replace(/["']/g, '').startsWith('KaTeX'))
                    .map(f => ({family: f.family, weight: f.weight, style: f.style, status: f.status}))));
                """);
        assertFalse(faces.isEmpty(), "KaTeX font faces are declared");
        var used = faces.stream().filter(f -> !"unloaded".equals(f.get("status"))).toList();
        assertTrue(used.stream().anyMatch(f -> String.valueOf(f.get("family")).contains("KaTeX_Main")), "KaTeX_Main is used: " + faces);
        for (var f : used) {
            assertEquals("loaded", f.get("status"), "font " + f);
        }
        shot(name);
        assertNoConsoleErrors(page);
    }

    private void open(String page) {
        browser.open(page);
    }

    private void assertNoConsoleErrors(String where) {
        browser.assertNoConsoleErrors(where);
    }

    private void shot(String name) throws IOException {
        browser.shot(name);
    }

    private static String firstPageWith(Path site, String marker) throws IOException {
        try (Stream<Path> all = Files.walk(site)) {
            for (Path p : all.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                if (Files.readString(p).contains(marker)) {
                    return site.relativize(p).toString().replace('\\', '/');
                }
            }
        }
        throw new AssertionError("no page in " + site + " contains " + marker);
    }
}
