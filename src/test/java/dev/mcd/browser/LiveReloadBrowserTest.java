package dev.mcd.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcd.site.serve.BuildOutcome;
import dev.mcd.site.serve.PreviewServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code mcd serve}'s live reload in real Chromium on a built page, which carries the site's
 * Content-Security-Policy (scripts from the site only): the preview's reload script must run under
 * it, so a published build reloads the open page, with no console error. An inline reload script,
 * as the preview had before the policy, is refused by the browser and the page never reloads.
 */
class LiveReloadBrowserTest {
    @Test
    void anOpenPageReloadsWhenABuildIsPublished() throws Exception {
        Path site = BrowserFixture.builtSiteWith("index.html");
        var server = PreviewServer.start(site, 0, true);
        try (var browser = BrowserFixture.on(server)) {
            browser.open("index.html");
            var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
            wait.until(d -> server.listeners() > 0); // the page's event stream is open
            browser.js().executeScript("window.mcdBeforeReload = true;");
            server.published(new BuildOutcome.Built("a new build"), site);
            wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return document.readyState === 'complete' && window.mcdBeforeReload === undefined;")));
            assertEquals(server.uri().resolve("index.html").toString(), browser.driver().getCurrentUrl());
            browser.assertNoConsoleErrors("index.html under live reload");
        }
    }
}
