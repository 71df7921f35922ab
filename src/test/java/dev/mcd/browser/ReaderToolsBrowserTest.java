package dev.mcd.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.calculus.Layouts;
import dev.mcd.expr.TextPrinter;
import dev.mcd.print.NumpyModule;
import dev.mcd.verify.VerifiedDerive;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a reader does with the built site beyond reading, in headless Chromium: every derivation's
 * "Derive your own" link gives on derive.html the block's own result; its copy buttons copy the
 * command, the result as text, its TeX and its NumPy module as the command line makes them; any
 * formula's TeX can be copied (pointer, selection, or the keyboard from one tab stop); derivations
 * and identities have permalinks that resolve; ← and → turn pages; the page's sections are
 * reachable at 390 px. Screenshots: target/screenshots/reader-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderToolsBrowserTest {
    /** Replaces the clipboard with a recorder, so a test reads what a button copied. */
    private static final String RECORD_CLIPBOARD = """
            window.__copied = [];
            navigator.clipboard.writeText = t => { window.__copied.push(t); return Promise.resolve(); };""";

    private Path site;
    private BrowserFixture browser;
    private WebDriver driver;
    private Path screenshots;

    @BeforeAll
    void start() throws Exception {
        site = BrowserFixture.builtSiteWith("derive.html");
        browser = BrowserFixture.atRoot(site);
        driver = browser.driver();
        screenshots = Files.createDirectories(BrowserFixture.projectRoot().resolve("target/screenshots"));
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    /** Every derive block of the site: its page, link, result text and command. */
    private record Block(String page, String id, String link, String text, String command) {}

    @Test
    void everyDeriveYourOwnLinkGivesTheBlocksResultOnDerivePage() {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        List<Block> blocks = blocks();
        assertTrue(blocks.size() >= 50, "derive blocks on the site: " + blocks.size());
        var wrong = new ArrayList<String>();
        for (Block b : blocks) {
            Map<String, String> q = query(b.link());
            assertTrue(b.link().startsWith("derive.html?") && q.containsKey("expr") && q.containsKey("wrt"), b.toString());
            browser.openShowing(browser.url(b.page()).resolve(b.link()), "#derive-output");
            WebElement out = driver.findElement(By.id("derive-output"));
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> List.of("done", "error").contains(out.getDomAttribute("data-state")));
            String got = "done".equals(out.getDomAttribute("data-state")) ? out.getDomAttribute("data-result")
                    : "error " + out.getDomAttribute("data-error");
            if (!b.text().equals(got)) {
                wrong.add(b.page() + "#" + b.id() + ": block " + b.text() + ", derive.html " + got);
            }
            assertEquals(q.get("expr"), driver.findElement(By.id("derive-expr")).getDomProperty("value"), b.toString());
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void copyButtonsHoldTheCommandTheResultItsTexAndItsNumpyModule() throws IOException {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        browser.openShowing("worked-examples.html", "meta[name=description]");
        js(RECORD_CLIPBOARD);
        WebElement block = driver.findElement(By.cssSelector(".derivation .result[data-command]"));
        List<WebElement> buttons = block.findElements(By.cssSelector(".copy-bar button"));
        assertEquals(List.of("Copy command", "Copy expression", "Copy TeX", "Copy NumPy"),
                buttons.stream().map(WebElement::getText).toList());
        shot(block.findElement(By.xpath("./ancestor::div[contains(@class, 'derivation')]")), "reader-block-1280");
        buttons.forEach(WebElement::click);
        // at once: the label goes back after 1.5 s, which the JVM derivation below can outlast on a busy machine
        assertTrue(buttons.get(0).getText().equals("Copied"), "the button says it copied");
        @SuppressWarnings("unchecked")
        List<String> copied = (List<String>) js("return window.__copied;");
        Map<String, String> q = query(block.findElement(By.cssSelector("a.derive-own")).getDomAttribute("href"));
        VerifiedDerive.Result cli = VerifiedDerive.run(q.get("expr"), q.get("wrt"), q.getOrDefault("where", ""), "");
        String command = "./mcd derive \"" + q.get("expr") + "\" --wrt " + q.get("wrt") + " --where '" + q.get("where") + "'";
        assertEquals(command, copied.get(0), "the first example has a transpose, so double quotes");
        assertEquals(TextPrinter.print(cli.derivation().result()), copied.get(1));
        String tex = (String) js("return arguments[0].querySelector('annotation[encoding=\"application/x-tex\"]').textContent;", block);
        assertEquals(tex, copied.get(2));
        assertTrue(tex.contains("\\frac{\\partial"), tex);
        assertEquals(NumpyModule.of(cli.derivation(), cli.shapes().variables()), copied.get(3), "the NumPy module of mcd derive --format numpy, indented");
        assertTrue(copied.get(3).contains("\n    return "), copied.get(3));
        driver.manage().window().setSize(new Dimension(390, 844));
        browser.openShowing("worked-examples.html", "meta[name=description]");
        shot(driver.findElement(By.cssSelector(".derivation")), "reader-block-390");
    }

    @Test
    void aResultWithAnAbstractFunctionOffersNoNumpy() {
        browser.openShowing("worked-examples.html", ".result[data-command]");
        @SuppressWarnings("unchecked")
        var bars = (List<String>) js("""
                return [...document.querySelectorAll('.result[data-command]')].filter(r => r.dataset.text.includes("'(") || /\\bl\\(/.test(r.dataset.text))
                    .map(r => [...r.querySelectorAll('.copy-bar button')].map(b => b.textContent).join(','));""");
        assertFalse(bars.isEmpty(), "worked-examples has a derivation with an abstract function");
        bars.forEach(b -> assertEquals("Copy command,Copy expression,Copy TeX", b));
    }

    @Test
    void anyFormulaOffersItsTexOnHoverAndASelectionCopiesTex() {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        browser.openShowing("method.html", "meta[name=description]");
        js(RECORD_CLIPBOARD);
        WebElement formula = driver.findElement(By.cssSelector("main p .katex"));
        js("arguments[0].scrollIntoView({block: 'center'});", formula);
        new Actions(driver).moveToElement(formula).perform();
        WebElement button = driver.findElement(By.cssSelector("button.copy-tex"));
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> button.isDisplayed());
        button.click();
        String tex = (String) js("return arguments[0].querySelector('annotation').textContent;", formula);
        assertEquals(List.of(tex), js("return window.__copied;"));
        String paragraph = (String) js("""
                const p = arguments[0].closest('p');
                const range = document.createRange();
                range.selectNodeContents(p);
                getSelection().removeAllRanges();
                getSelection().addRange(range);
                const data = new DataTransfer();
                document.dispatchEvent(new ClipboardEvent('copy', {clipboardData: data, bubbles: true, cancelable: true}));
                return data.getData('text/plain');""", formula);
        assertTrue(paragraph.contains("$" + tex + "$"), "the selection's formulas as TeX: " + paragraph);
        assertFalse(paragraph.contains("\u200b"), paragraph);
    }

    @Test
    void aFormulasTexIsCopiedWithTheKeyboardAloneFromOneTabStop() throws IOException {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        browser.openShowing("worked-examples.html", "meta[name=description]");
        js(RECORD_CLIPBOARD);
        long formulas = (Long) js("return document.querySelectorAll('main .katex').length;");
        assertTrue(formulas > 100, "worked-examples has many formulas: " + formulas);
        // Tab through the whole page once (until focus leaves the page or comes round again): exactly
        // one of its stops is a formula
        js("window.__stops = new Set();");
        var stops = new ArrayList<String>();
        for (int i = 0; i < 1000; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            String what = (String) js("""
                    const a = document.activeElement;
                    if (!a || a === document.body || window.__stops.has(a)) return null;
                    window.__stops.add(a);
                    return a.matches('.katex') ? 'formula' : a.tagName;""");
            if (what == null) {
                break;
            }
            stops.add(what);
        }
        assertTrue(stops.contains("formula"), "Tab reaches a formula: " + stops);
        assertEquals(1, stops.stream().filter("formula"::equals).count(), "one tab stop for " + formulas + " formulas: " + stops);
        // back to it, then the arrow keys walk the formulas in reading order, to a derivation step
        for (int i = 0; i < 1000 && !(Boolean) js("return document.activeElement.matches('.katex');"); i++) {
            new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        }
        String here = driver.getCurrentUrl();
        new Actions(driver).sendKeys(Keys.ARROW_LEFT).perform();
        assertEquals(here, driver.getCurrentUrl(), "← on a formula moves among formulas, no page turn");
        int moves = 0;
        while (!(Boolean) js("return !!document.activeElement.closest('li.step');") && moves < 300) {
            new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
            moves++;
        }
        assertTrue((Boolean) js("return !!document.activeElement.closest('li.step');"), "↓ reaches a step after " + moves);
        assertTrue(moves > 0, "the first formula is in the prose, before the first derivation");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        String tex = (String) js("return document.activeElement.querySelector('annotation').textContent;");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> List.of(tex).equals(js("return window.__copied;")));
        WebElement button = driver.findElement(By.cssSelector("button.copy-tex"));
        assertTrue(button.isDisplayed() && button.getText().equals("Copied"), "the button beside it says so: " + button.getText());
        assertEquals("TeX copied", js("return document.querySelector('main [role=status]').textContent;"));
        Files.write(screenshots.resolve("reader-formula-keyboard-1280.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        // the stop stays where the reader left it: out with Tab and back with Shift+Tab lands on the same formula
        Object left = js("return document.activeElement;");
        new Actions(driver).sendKeys(Keys.TAB).perform();
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertEquals(left, js("return document.activeElement;"), "Shift+Tab returns to the formula last visited");
        // Home: the first formula, whose TeX Space copies
        new Actions(driver).sendKeys(Keys.HOME).sendKeys(Keys.SPACE).perform();
        String firstTex = (String) js("""
                return [...document.querySelectorAll('main .katex')].find(k => !k.parentElement.closest('.katex, a, button'))
                    .querySelector('annotation').textContent;""");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> List.of(tex, firstTex).equals(js("return window.__copied;")));
    }

    @Test
    void derivationsAndNumberedIdentitiesHavePermalinksThatResolve() throws IOException {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        List<String> names = pages();
        int derivations = 0;
        for (String name : names) {
            browser.openShowing(name, "meta[name=description]");
            @SuppressWarnings("unchecked")
            var bad = (List<String>) js("""
                    return [...document.querySelectorAll('div.derivation')].flatMap(d => {
                      const a = d.querySelector('a.example-label');
                      return !d.id ? ['a derivation without id'] : !a || a.getAttribute('href') !== '#' + d.id ? [d.id + ' has no permalink']
                          : a.tabIndex < 0 ? [d.id + ' permalink not focusable'] : [];
                    });""");
            assertEquals(List.of(), bad, name);
            derivations += ((Long) js("return document.querySelectorAll('a.example-label').length;")).intValue();
        }
        assertTrue(derivations >= 80, "permalinked derivations: " + derivations);
        browser.openShowing("identities.html", "meta[name=description]");
        @SuppressWarnings("unchecked")
        var rows = (List<String>) js("""
                return [...document.querySelectorAll('tr[id^="eq:"]')].filter(r => !r.querySelector('a[href="#' + CSS.escape(r.id) + '"]'))
                    .map(r => r.id).concat(document.querySelectorAll('tr[id^="eq:"]').length < 27 ? ['too few numbered rows'] : []);""");
        assertEquals(List.of(), rows, "every numbered identity links to itself");
        // a permalink opened in a fresh page scrolls its block under the header
        for (String target : List.of("worked-examples.html#ex:example-4", "identities.html#eq:product-rule")) {
            browser.openShowing("index.html", "meta[name=description]");
            browser.openShowing(target, "meta[name=description]");
            String id = target.substring(target.indexOf('#') + 1);
            Number top = (Number) js("return document.getElementById(arguments[0]).getBoundingClientRect().top;", id);
            assertTrue(top.doubleValue() >= 0 && top.doubleValue() < 200, target + " at " + top);
        }
        // the mark shows on keyboard focus
        browser.openShowing("worked-examples.html", "meta[name=description]");
        WebElement label = driver.findElement(By.cssSelector("a.example-label"));
        js("arguments[0].focus();", label);
        assertEquals("\" #\"", js("return getComputedStyle(arguments[0], '::after').content;", label));
    }

    @Test
    void arrowKeysTurnPagesUnlessTheReaderIsTyping() {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        browser.openShowing("method.html", "meta[name=description]");
        String next = driver.findElement(By.cssSelector("a[rel=next]")).getDomProperty("href");
        String prev = driver.findElement(By.cssSelector("a[rel=prev]")).getDomProperty("href");
        String here = driver.getCurrentUrl();
        driver.findElement(By.id("search-input")).sendKeys(Keys.ARROW_RIGHT);
        sleep();
        assertEquals(here, driver.getCurrentUrl(), "→ in the search box moves the caret only");
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.ARROW_RIGHT).keyUp(Keys.SHIFT).perform();
        sleep();
        assertEquals(here, driver.getCurrentUrl(), "shift+→ is not a page turn");
        js("document.activeElement.blur();");
        new Actions(driver).sendKeys(Keys.ARROW_RIGHT).perform();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().equals(next));
        driver.get(here);
        new Actions(driver).sendKeys(Keys.ARROW_LEFT).perform();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().equals(prev));
    }

    @Test
    void thePagesSectionsAreReachableOnA390PixelPhone() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String name : pages()) {
                browser.openShowing(name, "meta[name=description]");
                @SuppressWarnings("unchecked")
                var headings = (List<String>) js("return [...document.querySelectorAll('.page-toc a')].map(a => a.getAttribute('href'));");
                if (headings.isEmpty()) {
                    continue;
                }
                assertFalse(driver.findElement(By.cssSelector(".page-toc")).isDisplayed(), "no contents column at 390 px");
                driver.findElement(By.id("nav-toggle")).click();
                List<WebElement> links = driver.findElements(By.cssSelector("#site-nav .nav-sections a"));
                assertFalse(links.isEmpty(), name + ": the sections in the chapter drawer");
                new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> links.getFirst().isDisplayed());
                assertEquals(headings, links.stream().map(a -> a.getDomAttribute("href")).toList(), name);
                if (name.equals("method.html")) {
                    shot(driver.findElement(By.id("site-nav")), "reader-sections-390");
                }
                WebElement last = links.getLast();
                String id = URLDecoder.decode(last.getDomAttribute("href").substring(1), StandardCharsets.UTF_8);
                js("arguments[0].scrollIntoView({block: 'nearest'});", last);
                last.click();
                new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !d.findElement(By.id("site-nav")).isDisplayed()
                        || !(Boolean) js("return document.documentElement.classList.contains('nav-open');"));
                Number top = (Number) js("return document.getElementById(arguments[0]).getBoundingClientRect().top;", id);
                assertTrue(top.doubleValue() > -5 && top.doubleValue() < 844, name + ": #" + id + " on screen, at " + top);
            }
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    void derivePageShowsTheNamesTheThreeLayoutsAndCopyButtons() throws IOException {
        String expr = "l(W_2*sigma(W_1*x))";
        String where = "l: scalar function, W_1: matrix, W_2: matrix, x: vector, sigma: elementwise function";
        for (int width : new int[] {1280, 390}) {
            driver.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 1000));
            WebElement out = derive("x'*A*x", "x", "A: matrix");
            js(RECORD_CLIPBOARD);
            List<WebElement> buttons = out.findElements(By.cssSelector(".copy-bar button"));
            assertEquals(List.of("Copy command", "Copy expression", "Copy TeX", "Copy NumPy", "Copy link"),
                    buttons.stream().map(WebElement::getText).toList());
            shot(out, "reader-derive-" + width);
            buttons.forEach(WebElement::click);
            VerifiedDerive.Result cli = VerifiedDerive.run("x'*A*x", "x", "A: matrix", "");
            String module = NumpyModule.of(cli.derivation(), cli.shapes().variables());
            assertTrue(module.contains("\n    return "), module);
            assertEquals(List.of("./mcd derive \"x'*A*x\" --wrt x --where 'A: matrix'", TextPrinter.print(cli.derivation().result()),
                    dev.mcd.print.LatexPrinter.print(cli.derivation().result()), module, driver.getCurrentUrl()),
                    js("return window.__copied;"), "the NumPy module of mcd derive --format numpy, as the site's blocks copy it");
            // a scalar by a vector: this site's row; the gradient in both other layouts, simplified by the engine
            // (x'*(A + A') becomes (A + A')*x, not a transpose written around the row)
            @SuppressWarnings("unchecked")
            var layouts = (List<String>) js("return [...document.querySelectorAll('.derive-layouts dt, .derive-layouts dd')]"
                    + ".map(e => e.tagName === 'DT' ? e.textContent : e.dataset.text);");
            String r = TextPrinter.print(cli.derivation().result());
            String gradient = TextPrinter.print(Layouts.denominator(cli.derivation()));
            assertEquals(gradient, TextPrinter.print(Layouts.mixed(cli.derivation())));
            assertFalse(gradient.endsWith(")'"), "simplified, not the row's transpose: " + gradient);
            assertEquals(List.of("numerator layout (this site)", r, "denominator layout", gradient, "mixed layout (the gradient)",
                    gradient), layouts);
            assertEquals(3, driver.findElements(By.cssSelector(".derive-layouts dd .katex")).size(), "each layout typeset");
            WebElement named = derive(expr, "W_2", where);
            assertEquals("done", named.getDomAttribute("data-state"), named.getDomAttribute("data-error"));
            // an abstract function (l) has no NumPy form: no button, as on the site's blocks
            assertEquals(List.of("Copy command", "Copy expression", "Copy TeX", "Copy link"),
                    named.findElements(By.cssSelector(".copy-bar button")).stream().map(WebElement::getText).toList());
            @SuppressWarnings("unchecked")
            var names = (List<String>) js("return [...document.querySelectorAll('.derive-names li')].map(li => li.dataset.name);");
            var chosen = dev.mcd.print.Naming.choose(VerifiedDerive.run(expr, "W_2", where, "").derivation(), Map.of(), true).list()
                    .stream().map(n -> n.var().name()).toList();
            assertFalse(chosen.isEmpty(), "the engine names a subexpression of " + expr);
            assertEquals(chosen, names);
            long overflow = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(overflow <= 0, "derive.html scrolls sideways by " + overflow + " px at " + width);
        }
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    void searchForInvXFindsTheInverseIdentitiesAndSnippetsShowFormulasAsText() {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        browser.openShowing("index.html", "meta[name=description]");
        WebElement input = driver.findElement(By.id("search-input"));
        input.click();
        input.sendKeys("inv(X)");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#search-results li a")).isEmpty());
        @SuppressWarnings("unchecked")
        var hrefs = (List<String>) js("return [...document.querySelectorAll('#search-results li a')].map(a => a.getAttribute('href'));");
        assertTrue(hrefs.contains("identities.html#eq:inverse-rule"), "d(inv(X)) = -inv(X)*d(X)*inv(X) is found: " + hrefs);
        assertTrue(hrefs.stream().filter(h -> h.startsWith("identities.html#")).count() >= 3, "the identities that hold inv(X): " + hrefs);
        input.clear();
        input.sendKeys("six standard shapes");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector("#search-results li a"))
                .getAttribute("href").endsWith("index.html"));
        String snippet = driver.findElement(By.cssSelector("#search-results li .search-snippet")).getText();
        assertFalse(snippet.contains(" . ") || snippet.contains("such as ."), "no hole where a formula stood: " + snippet);
        assertTrue(snippet.contains("tr("), "the formula as text: " + snippet);
    }

    /** Opens derive.html with the query and waits for the engine's answer. */
    private WebElement derive(String expr, String wrt, String where) {
        String url = browser.url("derive.html") + "?expr=" + enc(expr) + "&wrt=" + enc(wrt) + (where.isEmpty() ? "" : "&where=" + enc(where));
        driver.get(url);
        WebElement out = driver.findElement(By.id("derive-output"));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> List.of("done", "error").contains(out.getDomAttribute("data-state")));
        return out;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private List<Block> blocks() {
        var all = new ArrayList<Block>();
        for (String name : pages()) {
            browser.openShowing(name, "meta[name=description]");
            @SuppressWarnings("unchecked")
            var found = (List<List<String>>) js("""
                    return [...document.querySelectorAll('.derivation .result[data-command]')].map(r =>
                        [r.closest('.derivation').id, r.querySelector('a.derive-own').getAttribute('href'), r.dataset.text, r.dataset.command]);""");
            found.forEach(f -> all.add(new Block(name, f.get(0), f.get(1), f.get(2), f.get(3))));
        }
        return all;
    }

    private List<String> pages() {
        try (Stream<Path> s = Files.list(site)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> query(String link) {
        var out = new LinkedHashMap<String, String>();
        String q = URI.create(link).getRawQuery();
        for (String kv : q.split("&")) {
            int eq = kv.indexOf('=');
            out.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Long enough for a navigation that should not happen to have started. */
    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void shot(WebElement element, String name) throws IOException {
        js("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -70);", element);
        Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
