package dev.mcd.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.site.serve.PreviewServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser test starts from: a built site, a server for it and a headless Chromium, with
 * the helpers they share (open a page, take a screenshot into target/screenshots/, no console
 * errors), e.g. {@code browser = BrowserFixture.atRoot(BrowserFixture.siteOrFixture())} in
 * {@code @BeforeAll} and {@code browser.close()} in {@code @AfterAll}. A missing browser or site
 * skips the test, and fails it under {@code CI=true}.
 */
final class BrowserFixture implements AutoCloseable {
    private final AutoCloseable server;
    private final Function<String, URI> address;
    private final Chromium chromium;
    private final Path screenshots;

    private BrowserFixture(AutoCloseable server, Function<String, URI> address, Chromium chromium) throws IOException {
        this.server = server;
        this.address = address;
        this.chromium = chromium;
        this.screenshots = Files.createDirectories(projectRoot().resolve("target/screenshots"));
    }

    /** The repository root (Surefire passes MCD_PROJECT_ROOT; an IDE runs in it). */
    static Path projectRoot() {
        return Path.of(Optional.ofNullable(System.getenv("MCD_PROJECT_ROOT")).orElse(".")).toAbsolutePath();
    }

    /** The built site under test: {@code -Dmcd.browser.site=DIR}, else the repository's site-output/. */
    static Path builtSite() {
        return Optional.ofNullable(System.getProperty("mcd.browser.site")).map(Path::of)
                .orElse(projectRoot().resolve("site-output"));
    }

    /** The built site when it has an index.html, else the two-page {@link FixtureSite}. */
    static Path siteOrFixture() throws Exception {
        Path built = builtSite();
        return Files.isRegularFile(built.resolve("index.html")) ? built
                : FixtureSite.build(projectRoot().resolve("target/browser-fixture"), projectRoot());
    }

    /** The built site, which must have {@code page}: skips without it, fails under CI ("run ./mcd build"). */
    static Path builtSiteWith(String page) {
        Path site = builtSite();
        require(Files.isRegularFile(site.resolve(page)), site + " has no " + page + ": run ./mcd build");
        return site;
    }

    /** Skips the test when {@code present} is false, except under CI=true, where it fails. */
    static void require(boolean present, String what) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertTrue(present, "CI needs it: " + what);
        }
        Assumptions.assumeTrue(present, what);
    }

    /** The site served at / by the preview server (without live reload), in a new Chromium. */
    static BrowserFixture atRoot(Path site) throws IOException {
        Chromium.requireInstalled();
        PreviewServer server = PreviewServer.start(site, 0, false);
        return start(server, page -> server.uri().resolve(page));
    }

    /** The site served at / by {@code server} (e.g. one with live reload, whose builds the test publishes), in a new Chromium. */
    static BrowserFixture on(PreviewServer server) throws IOException {
        Chromium.requireInstalled();
        return start(server, page -> server.uri().resolve(page));
    }

    /** The site served under {@code prefix} (e.g. /mcd/) as GitHub Pages serves it, in a new Chromium. */
    static BrowserFixture underPath(Path site, String prefix) throws IOException {
        Chromium.requireInstalled();
        SubPathServer server = new SubPathServer(site, prefix);
        return start(server, server::url);
    }

    private static BrowserFixture start(AutoCloseable server, Function<String, URI> address) throws IOException {
        try {
            return new BrowserFixture(server, address, Chromium.start());
        } catch (IOException | RuntimeException e) {
            closeQuietly(server);
            throw e;
        }
    }

    ChromeDriver driver() {
        return chromium.driver();
    }

    JavascriptExecutor js() {
        return chromium.driver();
    }

    /** The address of a page of the site, e.g. {@code url("index.html")}. */
    URI url(String page) {
        return address.apply(page);
    }

    /** Loads the page and waits until the document is complete. */
    void open(String page) {
        open(url(page));
    }

    /** Loads an address (e.g. a page with a query) and waits until the document is complete. */
    void open(URI address) {
        driver().get(address.toString());
        new WebDriverWait(driver(), Duration.ofSeconds(15)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Loads the page until it shows {@code css}: a navigation right after a long run of page loads
     * has come back as the browser's own error page, so it loads up to three times and then fails
     * naming what the page showed. One cause is fixed (the preview server kept counting connections
     * reset before their answer, and at 128 closed every new one: PreviewConnectionsTest); until a
     * long run shows no empty load, each one is written to the test's output (address, what the
     * browser showed) so that the next one names its cause.
     */
    void openShowing(String page, String css) {
        openShowing(url(page), css);
    }

    /** {@link #openShowing(String, String)} for an address, e.g. a page's link with its query. */
    void openShowing(URI address, String css) {
        String seen = "";
        for (int attempt = 0; attempt < 3; attempt++) {
            open(address);
            if (!driver().findElements(org.openqa.selenium.By.cssSelector(css)).isEmpty()) {
                return;
            }
            seen = driver().getCurrentUrl() + " " + driver().getTitle() + ": " + String.valueOf(js().executeScript(
                    "return document.body ? document.body.innerText.slice(0, 200) : '';"));
            System.err.println("openShowing: load " + (attempt + 1) + " of " + address + " showed no " + css + "; it showed " + seen);
        }
        throw new AssertionError(address + " showed no " + css + " in three loads; it showed " + seen);
    }

    /** Saves a screenshot of the window as target/screenshots/NAME.png. */
    Path shot(String name) throws IOException {
        return Files.write(screenshots.resolve(name + ".png"), driver().getScreenshotAs(OutputType.BYTES));
    }

    /** No console error since the last look at the log (the browser's own /favicon.ico request aside). */
    void assertNoConsoleErrors(String where) {
        List<LogEntry> severe = consoleErrors();
        assertTrue(severe.isEmpty(), where + ": console errors " + severe);
    }

    /** The console errors since the last look at the log, e.g. a Content-Security-Policy report. */
    List<LogEntry> consoleErrors() {
        // The browser asks for /favicon.ico by itself when a page names no icon; that is not the page's error.
        return driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("/favicon.ico ")).toList();
    }

    @Override
    public void close() throws IOException {
        try {
            chromium.close();
        } finally {
            closeQuietly(server);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // stopping a test server cannot change a result
        }
    }
}
