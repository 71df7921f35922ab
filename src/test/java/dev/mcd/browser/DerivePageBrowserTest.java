package dev.mcd.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.expr.TextPrinter;
import dev.mcd.verify.VerifiedDerive;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * derive.html of the built site in headless Chromium: the contract (a query derives on load and
 * {@code #derive-output} carries the CLI's {@code result.text}), an error with a caret under its
 * field, typing re-derives and updates the address, no console errors, and no sideways scrolling
 * at 390 px; the derivation is shown ({@code data-state="derived"}) before its check is done, without the
 * "verified" line or {@code data-result} until {@code "done"}, and a failed check ends as an error.
 * Screenshots go to target/screenshots/derive-*.png (derive-checking-* while the check is held back). Needs site-output/ built with the
 * page (./mcd build): missing, it skips here and fails under CI=true, like a missing browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DerivePageBrowserTest {
    private BrowserFixture browser;
    private WebDriver driver;

    @BeforeAll
    void start() throws Exception {
        browser = BrowserFixture.atRoot(BrowserFixture.builtSiteWith("derive.html"));
        driver = browser.driver();
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    /**
     * Before any page script: records every {@code data-state} of #derive-output with what the output
     * showed then (window.mcdSeen), and wraps Worker so that the worker's last answer to a derivation (its
     * check) is held until {@code window.mcdRelease()} (mode "hold") or replaced by a failed check ("fail").
     */
    private static final String WATCH = """
            (() => {
              const seen = window.mcdSeen = [];
              new MutationObserver((records) => {
                for (const r of records) {
                  if (r.target.id === 'derive-output') {
                    const o = r.target;
                    seen.push({ state: o.dataset.state, result: o.dataset.result === undefined ? null : o.dataset.result,
                      verifiedMark: o.querySelectorAll('.derive-verified').length, text: o.textContent,
                      steps: o.querySelectorAll('.derive-step').length });
                  }
                }
              }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
              const mode = '%s';
              if (mode === 'none') {
                return;
              }
              const held = [];
              window.mcdRelease = () => held.splice(0).forEach((f) => f());
              const Native = window.Worker;
              const slot = Object.getOwnPropertyDescriptor(Native.prototype, 'onmessage');
              class Held extends Native {
                get onmessage() { return slot.get.call(this); }
                set onmessage(f) {
                  slot.set.call(this, (e) => {
                    const a = e.data;
                    if (!a || a.part !== 'checked' || String(a.json).startsWith('{"error":')) {
                      f(e);
                    } else if (mode === 'fail') {
                      f({ data: Object.assign({}, a, { json: JSON.stringify({ error: { part: 'expr', where: 'in the expression',
                        line: 1, column: 1, message: 'verification failed: step 1 differs at random point 1 of 3 (held by the test)' } }) }) });
                    } else {
                      held.push(() => f(e));
                    }
                  });
                }
              }
              window.Worker = Held;
            })();""";

    /** Runs {@link #WATCH} in the given mode before the scripts of every page opened until the next call. */
    private String watch(String mode, String previous) {
        if (previous != null) {
            ((org.openqa.selenium.chrome.ChromeDriver) driver).executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", previous));
        }
        Map<String, Object> r = ((org.openqa.selenium.chrome.ChromeDriver) driver).executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH.formatted(mode)));
        return (String) r.get("identifier");
    }

    /** The result, the copy buttons and what follows them in the window (for the screenshots). */
    private void scrollToResult() {
        ((JavascriptExecutor) driver).executeScript(
                "document.querySelector('#derive-output .derive-result').scrollIntoView({ block: 'start' });");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> seen() {
        return (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript("return window.mcdSeen || [];");
    }

    @Test
    void theDerivationIsShownBeforeItsCheckAndNeverAsVerifiedUntilDone() throws IOException {
        String id = watch("hold", null);
        try {
            for (int width : new int[] {1280, 390}) {
                driver.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 1000));
                WebElement out = open("norm2(W*x + b)^2", "W", "W: matrix, x: vector, b: vector", "derived");
                // held: the steps and the result are on screen, the check is said to be running
                assertEquals("derived", out.getDomAttribute("data-state"));
                assertEquals(null, out.getDomAttribute("data-result"), "no data-result before the check");
                assertTrue(driver.findElements(By.cssSelector("#derive-output .derive-verified")).isEmpty(), "no verified mark");
                assertTrue(!out.getText().contains("verified"), out.getText());
                assertTrue(out.getText().contains("Checking the steps and the result numerically"), out.getText());
                assertTrue(driver.findElements(By.cssSelector("#derive-output .derive-step .katex")).size() > 2, "steps in KaTeX");
                assertTrue(driver.findElements(By.cssSelector("#derive-output .derive-layouts")).isEmpty(), "layouts come with the check");
                assertTrue(driver.findElements(By.cssSelector("#derive-output button[data-copy]")).stream()
                        .noneMatch(b -> b.getText().equals("Copy NumPy")), "NumPy comes with the check");
                if (width == 390) {
                    long overflow = (Long) ((JavascriptExecutor) driver).executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                    assertTrue(overflow <= 0, "the page scrolls sideways by " + overflow + " px at 390 px while checking");
                }
                scrollToResult();
                shot("derive-checking-" + width);
                ((JavascriptExecutor) driver).executeScript("window.mcdRelease();");
                new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "done".equals(out.getDomAttribute("data-state")));
                assertTrue(out.getText().contains("d/dW"), out.getText());
                assertTrue(out.getText().contains("verified: checked at"), out.getText());
                assertTrue(!out.getText().contains("Checking the steps"), out.getText());
                assertEquals(3, driver.findElements(By.cssSelector("#derive-output .derive-layouts dd")).size());
                assertTrue(driver.findElements(By.cssSelector("#derive-output button[data-copy]")).stream()
                        .anyMatch(b -> b.getText().equals("Copy NumPy")), "NumPy with the check");
                String cli = TextPrinter.print(VerifiedDerive.run("norm2(W*x + b)^2", "W", "W: matrix, x: vector, b: vector", "")
                        .derivation().result());
                assertEquals(cli, out.getDomAttribute("data-result"));
                scrollToResult();
                shot("derive-done-" + width);
            }
            assertNoConsoleErrors("derive.html with its check held back");
        } finally {
            watch("none", id);
        }
    }

    @Test
    void aFailedCheckEndsAsAnError() {
        String id = watch("fail", null);
        try {
            driver.manage().window().setSize(new Dimension(1280, 1000));
            WebElement out = derive("tr(A*X*B)", "X", "");
            assertEquals("error", out.getDomAttribute("data-state"));
            assertEquals("1:1: verification failed: step 1 differs at random point 1 of 3 (held by the test)",
                    out.getDomAttribute("data-error"));
            assertEquals(null, out.getDomAttribute("data-result"));
            assertTrue(driver.findElements(By.cssSelector("#derive-output .derive-step")).isEmpty(), "the unchecked steps are gone");
            assertTrue(!out.getText().contains("verified:") && !out.getText().contains("Checking"), out.getText());
            List<String> states = seen().stream().map(m -> String.valueOf(m.get("state"))).toList();
            assertTrue(states.indexOf("derived") >= 0 && states.indexOf("derived") < states.lastIndexOf("error"), states.toString());
        } finally {
            watch("none", id);
        }
    }

    /**
     * KaTeX's fonts block the math until they arrive: derive.js asks for the three every derivation uses
     * (data-fonts) with the first request, so each is on its way before the derivation is on the page
     * (without it, the layout of the derivation asks for them), and once: the style sheet's own request
     * reuses the preload (the same CORS mode). The cache is off, as on a first visit.
     */
    @Test
    void theFontsEveryDerivationUsesArePreloaded() {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        try {
            driver.manage().window().setSize(new Dimension(1280, 1000));
            WebElement out = derive("norm2(W*x + b)^2", "W", "W: matrix, x: vector, b: vector");
            assertEquals("done", out.getDomAttribute("data-state"), out.getDomAttribute("data-error"));
            @SuppressWarnings("unchecked")
            Map<String, Object> seen = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript("""
                    const fonts = {};
                    for (const e of performance.getEntriesByType('resource').filter((x) => x.name.endsWith('.woff2'))) {
                      const name = e.name.replace(/.*\\//, '');
                      fonts[name] = (fonts[name] || []).concat([{ start: e.startTime, status: e.responseStatus }]);
                    }
                    return { fonts, shown: performance.getEntriesByName('mcd-shown')[0].startTime,
                      links: [...document.querySelectorAll('link[rel=preload][as=font][crossorigin=anonymous]')].length };""");
            String named = driver.findElement(By.cssSelector("script[data-fonts]")).getDomAttribute("data-fonts");
            List<String> preloaded = List.of(named.trim().split("\\s+"));
            assertEquals(3, preloaded.size(), named);
            assertEquals(3L, seen.get("links"), "preload links: " + seen);
            double shown = ((Number) seen.get("shown")).doubleValue();
            @SuppressWarnings("unchecked")
            Map<String, List<Map<String, Object>>> fonts = (Map<String, List<Map<String, Object>>>) seen.get("fonts");
            for (String href : preloaded) {
                String file = href.substring(href.lastIndexOf('/') + 1);
                List<Map<String, Object>> got = fonts.getOrDefault(file, List.of());
                assertEquals(1, got.size(), file + " fetched once: " + fonts);
                assertEquals(200L, got.get(0).get("status"), file + ": " + fonts);
                assertTrue(((Number) got.get(0).get("start")).doubleValue() <= shown,
                        file + " asked for before the derivation was on the page (" + shown + " ms): " + fonts);
            }
        } finally {
            chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        }
    }

    @Test
    void aQueryDerivesOnLoadAndCarriesTheCliResult() throws IOException {
        String id = watch("none", null);
        driver.manage().window().setSize(new Dimension(1280, 1000));
        for (List<String> q : List.of(List.of("norm2(W*x + b)^2", "W", "W: matrix, x: vector, b: vector"),
                List.of("tr(A*X*B)", "X", ""), List.of("log(det(X))", "X", "X: matrix"),
                List.of("sum(log(sigmoid(W*x)))", "W", "W: matrix, x: vector"))) {
            WebElement out = derive(q.get(0), q.get(1), q.get(2));
            assertEquals("done", out.getDomAttribute("data-state"), q + ": " + out.getDomAttribute("data-error"));
            String cli = TextPrinter.print(VerifiedDerive.run(q.get(0), q.get(1), q.get(2), "").derivation().result());
            assertEquals(cli, out.getDomAttribute("data-result"), q.toString());
            assertTrue(driver.findElements(By.cssSelector("#derive-output .katex")).size() > 2, "steps in KaTeX");
            assertTrue(out.getText().contains("verified: checked at"), out.getText());
            // unheld: "derived" (the steps, no verified mark, no data-result) came before "done"
            List<Map<String, Object>> seen = seen();
            List<String> states = seen.stream().map(m -> String.valueOf(m.get("state"))).toList();
            int derived = states.indexOf("derived");
            assertTrue(derived >= 0 && derived < states.indexOf("done"), q + ": " + states);
            for (Map<String, Object> m : seen) {
                if (!"done".equals(m.get("state"))) {
                    assertEquals(0L, m.get("verifiedMark"), q + ": a verified mark in state " + m.get("state"));
                    assertEquals(null, m.get("result"), q + ": data-result in state " + m.get("state"));
                    assertTrue(!String.valueOf(m.get("text")).contains("verified"), q + ": " + m);
                }
            }
            assertTrue(((Number) seen.get(derived).get("steps")).intValue() > 1, q + ": steps shown when derived: " + seen.get(derived));
        }
        watch("none", id);
        shot("derive-1280");
        assertNoConsoleErrors("derive.html");
    }

    @Test
    void anErrorShowsItsPositionAndACaretUnderTheField() throws IOException {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        WebElement out = derive("tr(X*Y", "X", "");
        assertEquals("error", out.getDomAttribute("data-state"));
        assertTrue(out.getDomAttribute("data-error").startsWith("1:7: "), out.getDomAttribute("data-error"));
        WebElement caret = driver.findElement(By.id("derive-expr-error"));
        assertTrue(caret.isDisplayed());
        String[] lines = caret.getText().split("\n");
        assertEquals("tr(X*Y", lines[1]);
        assertEquals(6, lines[2].indexOf('^'), "caret under column 7: " + caret.getText());
        assertEquals("true", driver.findElement(By.id("derive-expr")).getDomAttribute("aria-invalid"));
        shot("derive-error-1280");
        WebElement wrt = derive("x'*x", "y", "");
        assertEquals("error", wrt.getDomAttribute("data-state"));
        assertTrue(driver.findElement(By.id("derive-wrt-error")).isDisplayed(), "the caret sits under the variable");
        assertNoConsoleErrors("derive.html with errors");
    }

    @Test
    void deepNestingIsAnsweredAsOnTheCommandLine() {
        // 499 levels: within the parser's limit, deep enough to test the worker's stack
        String deep = "(".repeat(499) + "x'*x" + ")".repeat(499);
        WebElement out = derive(deep, "x", "");
        String state = out.getDomAttribute("data-state");
        if ("done".equals(state)) {
            assertEquals("2*x'", out.getDomAttribute("data-result"));
        } else {
            assertTrue(out.getDomAttribute("data-error").contains("too large to derive"), out.getDomAttribute("data-error"));
        }
        assertEquals("done", derive("x'*x", "x", "").getDomAttribute("data-state"), "the page derives after a deep request");
        assertNoConsoleErrors("derive.html after a deep request");
    }

    @Test
    void typingDerivesAgainAndPutsTheQueryInTheAddress() {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        derive("x'*x", "x", "");
        WebElement expr = driver.findElement(By.id("derive-expr"));
        expr.clear();
        expr.sendKeys("x'*A*x");
        WebElement out = driver.findElement(By.id("derive-output"));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "x'*(A + A')".equals(out.getDomAttribute("data-result"))
                || "x'*A' + x'*A".equals(out.getDomAttribute("data-result")) || (out.getDomAttribute("data-result") != null
                && out.getDomAttribute("data-result").contains("A") && "done".equals(out.getDomAttribute("data-state"))));
        String cli = TextPrinter.print(VerifiedDerive.run("x'*A*x", "x", "", "").derivation().result());
        assertEquals(cli, out.getDomAttribute("data-result"));
        assertTrue(driver.getCurrentUrl().contains("expr=x%27*A*x") || driver.getCurrentUrl().contains("expr=x'*A*x"),
                driver.getCurrentUrl());
        assertNoConsoleErrors("derive.html after typing");
    }

    @Test
    void fitsA390PixelPhone() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        WebElement out = derive("norm2(W*x + b)^2", "W", "W: matrix, x: vector, b: vector");
        assertEquals("done", out.getDomAttribute("data-state"));
        var js = (JavascriptExecutor) driver;
        long overflow = (Long) js.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow <= 0, "the page scrolls sideways by " + overflow + " px at 390 px");
        shot("derive-390");
        derive("tr(X*Y", "X", "");
        shot("derive-error-390");
        assertNoConsoleErrors("derive.html at 390 px");
    }

    /** Opens derive.html with the query and waits for the engine's answer. */
    private WebElement derive(String expr, String wrt, String where) {
        return open(expr, wrt, where, "done");
    }

    /** Opens derive.html with the query and waits for the state (or an error). */
    private WebElement open(String expr, String wrt, String where, String state) {
        String url = browser.url("derive.html").toString() + "?expr=" + enc(expr) + "&wrt=" + enc(wrt)
                + (where.isEmpty() ? "" : "&where=" + enc(where));
        driver.get(url);
        WebElement out = driver.findElement(By.id("derive-output"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            String now = out.getDomAttribute("data-state");
            return state.equals(now) || "error".equals(now);
        });
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void assertNoConsoleErrors(String where) {
        browser.assertNoConsoleErrors(where);
    }

    private void shot(String name) throws IOException {
        browser.shot(name);
    }
}
