package dev.mcd.browser;

import dev.mcd.site.serve.PreviewServer;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The budget of derive.html (issue 16): the page's engine + KaTeX in gzip bytes, the first answer
 * after navigation (fresh browser, so a cold cache and a new worker), and the engine's time per
 * derivation for every derive block of content/ in headless Chromium. Run:
 * {@code bench/run dev.mcd.browser.DeriveBrowserBenchmark} after {@code ./mcd build}. Each first answer is broken
 * down into its milestones in ms since navigation (the HTML, the worker's script and start, the engine's
 * download, the request posted and received, the engine evaluated, the derivation, the derivation back on the
 * page, KaTeX, DOMContentLoaded, the derivation shown ({@code data-state="derived"}, before its check), the
 * check back on the page, the answer verified ({@code data-state="done"})), with their medians, and the
 * frames after the derivation and the verified answer ({@code shownPainted}, {@code donePainted}: those
 * milestones are taken when the DOM changes, before its layout and paint, which a page that shows twice
 * pays in between), and the frame after the fonts the derivation's math waited for ({@code shownReadable}:
 * KaTeX's fonts are {@code font-display: block}, so the math is invisible until they arrive). Options:
 * {@code -Dmcd.bench.compare=<another built site>} alternates the first answers with that site and prints the
 * ratio of the medians (the figure that counts on a shared machine); {@code -Dmcd.bench.also=<site>,<site>}
 * puts more variants in the same rotation; {@code -Dmcd.bench.runs=N} first answers of each of the two sites
 * in all; {@code -Dmcd.bench.floor=true} adds two blank pages to the rotation (an empty worker; a worker that
 * loads the engine and derives: the floor under any page); {@code -Dmcd.bench.settle=MS} lets each fresh
 * browser finish its own start-up on about:blank first (its cache stays cold); {@code -Dmcd.bench.typical=false}
 * skips the warm derivations.
 */
public final class DeriveBrowserBenchmark {
    private DeriveBrowserBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(Optional.ofNullable(System.getenv("MCD_PROJECT_ROOT")).orElse(".")).toAbsolutePath();
        // -Dmcd.bench.site=<a built site>: measure another copy than site-output/ (e.g. a variant under trial)
        Path site = Optional.ofNullable(System.getProperty("mcd.bench.site")).map(Path::of).orElse(root.resolve("site-output"));
        Path engine;
        try (Stream<Path> s = Files.list(site.resolve("derive"))) {
            engine = s.filter(p -> p.getFileName().toString().startsWith("mcd-engine-")).findFirst().orElseThrow();
        }
        long engineGz = gzip(engine);
        long katexGz = gzip(site.resolve("katex/katex.min.js")) + gzip(site.resolve("katex/katex.min.css"));
        long pageGz = gzip(site.resolve("derive/derive.js")) + gzip(site.resolve("derive/worker.js"))
                + gzip(site.resolve("derive/derive.css")) + gzip(site.resolve("derive.html"));
        System.out.printf("size: engine %d KB raw, %d KB gzip; KaTeX js+css %d KB gzip; page scripts+html %d KB gzip; "
                + "total %d KB gzip (budget 300)%n", Files.size(engine) / 1024, engineGz / 1024, katexGz / 1024, pageGz / 1024,
                (engineGz + katexGz + pageGz) / 1024);
        List<String[]> blocks = blocks(root.resolve("content"));
        // -Dmcd.bench.compare=<another built site>: the first answer alternates between the two sites
        Optional<Path> other = Optional.ofNullable(System.getProperty("mcd.bench.compare")).map(Path::of);
        // -Dmcd.bench.also=<site>,<site>: more built sites (variants under trial) in the same rotation
        List<Path> also = Stream.of(System.getProperty("mcd.bench.also", "").split(",")).filter(x -> !x.isBlank()).map(Path::of).toList();
        // -Dmcd.bench.runs=N: how many first answers in all (alternating when comparing)
        int runs = Integer.getInteger("mcd.bench.runs", other.isPresent() ? 16 : 5);
        // -Dmcd.bench.floor=true: also measure the floor, blank pages in the same fresh browsers (see floorSite)
        boolean floor = Boolean.getBoolean("mcd.bench.floor");
        // -Dmcd.bench.settle=MS: let the fresh browser finish its own start-up (on about:blank) for that long
        // before the navigation; its cache stays cold, as a reader's first visit with a browser already open
        long settleMs = Long.getLong("mcd.bench.settle", 0);
        Path floorDir = floorSite(engine);
        try (PreviewServer server = PreviewServer.start(site, 0, false);
             PreviewServer compare = PreviewServer.start(other.orElse(site), 0, false);
             PreviewServer floors = PreviewServer.start(floorDir, 0, false)) {
            Map<String, PreviewServer> extra = new LinkedHashMap<>();
            for (Path p : also) {
                extra.put("also " + p, PreviewServer.start(p, 0, false));
            }
            String[] q = blocks.get(0);
            String query = "?expr=" + enc(q[0]) + "&wrt=" + enc(q[1]) + "&where=" + enc(q[2]);
            // the variants measured in turn, so that each sees the same machine load
            List<String> variants = new ArrayList<>(List.of("this site"));
            other.ifPresent(o -> variants.add("compared site"));
            variants.addAll(extra.keySet());
            if (floor) {
                variants.addAll(List.of("floor: empty worker", "floor: worker + engine + derivation"));
            }
            Map<String, List<Map<String, Long>>> seen = new LinkedHashMap<>();
            variants.forEach(v -> seen.put(v, new ArrayList<>()));
            int rounds = other.isPresent() ? (runs + 1) / 2 : runs;
            for (int round = 0; round < rounds; round++) {
                for (String variant : variants) {
                    try (Chromium chromium = Chromium.start()) {
                        ChromeDriver driver = chromium.driver();
                        settle(driver, settleMs);
                        Map<String, Long> m = switch (variant) {
                            case "floor: empty worker" -> floorRun(driver, floors.uri().resolve("worker.html").toString());
                            case "floor: worker + engine + derivation" -> floorRun(driver, floors.uri().resolve("engine.html") + query);
                            default -> {
                                PreviewServer which = variant.equals("compared site") ? compare : extra.getOrDefault(variant, server);
                                driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PAINTS));
                                driver.get(which.uri().resolve("derive.html") + query);
                                await(driver, null);
                                new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> ((JavascriptExecutor) d).executeScript(
                                        "const p = window.mcdPainted || {}; return (p.done >= 0 || p.error >= 0) && !(p.derived < 0) && !(p.readable < 0);")
                                        .equals(Boolean.TRUE));
                                if (round == 0) {
                                    // which of KaTeX's fonts the first answer waited for, and when each arrived
                                    System.out.println("  fonts, " + variant + ": " + ((JavascriptExecutor) driver).executeScript(
                                            "return performance.getEntriesByType('resource').filter((x) => x.name.endsWith('.woff2'))"
                                                    + ".map((x) => x.name.replace(/.*\\//, '') + ' ' + Math.round(x.startTime) + '–'"
                                                    + " + Math.round(x.responseEnd)).join(', ');"));
                                }
                                yield milestones(driver);
                            }
                        };
                        seen.get(variant).add(m);
                        System.out.println("  round " + round + ", " + variant + ": " + m);
                    }
                }
            }
            // medians per milestone (ms since navigation; -1: the page does not report it)
            for (var e : seen.entrySet()) {
                Map<String, Long> medians = new LinkedHashMap<>();
                e.getValue().get(0).keySet().forEach(k -> medians.put(k, median(e.getValue().stream().map(x -> x.get(k)).toList())));
                System.out.println(e.getKey() + " — median milestones (ms since navigation): " + medians);
            }
            for (var e : seen.entrySet()) {
                if (e.getValue().get(0).containsKey("shownPainted")) {
                    // the frames after the DOM changes (the milestones above are taken before the layout and paint)
                    List<Long> shownPainted = shownPainted(e.getValue());
                    List<Long> donePainted = e.getValue().stream().map(x -> x.get("donePainted")).toList();
                    System.out.println("painted, " + e.getKey() + ": derivation (else done) median " + median(shownPainted)
                            + " " + shownPainted + "; done median " + median(donePainted) + " " + donePainted);
                    List<Long> readable = readable(e.getValue());
                    System.out.println("readable (the frame after KaTeX's fonts), " + e.getKey() + ": median " + median(readable) + " " + readable);
                }
                List<Long> answers = e.getValue().stream().map(x -> x.get("answer")).toList();
                System.out.println("first answer verified (done), " + e.getKey() + " (ms): " + answers + ", median " + median(answers)
                        + " (" + Collections.min(answers) + "–" + Collections.max(answers) + ")");
                // the derivation on screen before its check (data-state="derived"); -1 on a page that shows all at once
                List<Long> shown = e.getValue().stream().map(x -> x.getOrDefault("shown", -1L)).toList();
                if (shown.stream().allMatch(x -> x >= 0)) {
                    System.out.println("first answer shown (derived), " + e.getKey() + " (ms): " + shown + ", median " + median(shown)
                            + " (" + Collections.min(shown) + "–" + Collections.max(shown) + ")");
                }
            }
            if (other.isPresent()) {
                // the figure to compare on a shared machine: both medians measured under the same load
                System.out.printf("same-run ratio, this site / compared site (done): %.3f%n",
                        (double) median(answers(seen.get("this site"))) / median(answers(seen.get("compared site"))));
                System.out.printf("same-run ratio, this site's first answer shown / compared site's (shown, else done): %.3f%n",
                        (double) median(shown(seen.get("this site"))) / median(shown(seen.get("compared site"))));
                System.out.printf("same-run ratio of the readable frames: %.3f%n",
                        (double) median(readable(seen.get("this site"))) / median(readable(seen.get("compared site"))));
                System.out.printf("same-run ratios of the frames after: shown %.3f, done %.3f%n",
                        (double) median(shownPainted(seen.get("this site"))) / median(shownPainted(seen.get("compared site"))),
                        (double) median(seen.get("this site").stream().map(x -> x.get("donePainted")).toList())
                                / median(seen.get("compared site").stream().map(x -> x.get("donePainted")).toList()));
            }
            for (PreviewServer x : extra.values()) {
                x.close(); // a server left open keeps the JVM alive
            }
            if (!Boolean.parseBoolean(System.getProperty("mcd.bench.typical", "true"))) {
                return; // -Dmcd.bench.typical=false: first answers only (a quicker comparison)
            }
            try (Chromium chromium = Chromium.start()) {
                ChromeDriver driver = chromium.driver();
                driver.get(server.uri().resolve("derive.html").toString());
                await(driver, null);
                List<Double> times = new ArrayList<>();
                for (int round = 0; round < 2; round++) {
                    for (String[] b : blocks) {
                        String before = driver.findElement(By.id("derive-output")).getDomAttribute("data-done-at");
                        ((JavascriptExecutor) driver).executeScript("""
                                const f = document.getElementById('derive-form');
                                f.elements.expr.value = arguments[0]; f.elements.wrt.value = arguments[1];
                                f.elements.where.value = arguments[2]; f.requestSubmit();""", b[0], b[1], b[2]);
                        WebElement out = await(driver, before);
                        if (round == 1) {
                            times.add(Double.parseDouble(out.getDomAttribute("data-ms")));
                        }
                    }
                }
                Collections.sort(times);
                System.out.printf("derivation in the worker (warm, %d derive blocks of content/): median %.1f ms, p90 %.1f ms, max %.1f ms%n",
                        times.size(), times.get(times.size() / 2), times.get((int) (times.size() * 0.9)), times.get(times.size() - 1));
            }
        }
    }

    private static void settle(ChromeDriver driver, long ms) throws InterruptedException {
        if (ms > 0) {
            driver.get("about:blank");
            Thread.sleep(ms);
        }
    }

    private static List<Long> answers(List<Map<String, Long>> runs) {
        return runs.stream().map(x -> x.get("answer")).toList();
    }

    /** The frames after the fonts the derivation's math waited for (shownReadable). */
    private static List<Long> readable(List<Map<String, Long>> runs) {
        return runs.stream().map(x -> x.get("shownReadable")).toList();
    }

    private static List<Long> shownPainted(List<Map<String, Long>> runs) {
        return runs.stream().map(x -> x.get("shownPainted") >= 0 ? x.get("shownPainted") : x.get("donePainted")).toList();
    }

    /**
     * Run before the page's scripts (the same for every site compared): when the frame after each
     * {@code data-state} change of #derive-output ("derived", "done", "error") was produced, as
     * requestAnimationFrame then a task after it (window.mcdPainted, ms since navigation): the milestones
     * {@code shown} and {@code answer} are taken when the DOM changes, before its layout and paint.
     */
    private static final String PAINTS = """
            (() => {
              const painted = window.mcdPainted = {};
              new MutationObserver((records) => {
                for (const r of records) {
                  const s = r.target.id === 'derive-output' ? r.target.dataset.state : null;
                  if ((s === 'derived' || s === 'done' || s === 'error') && !(s in painted)) {
                    painted[s] = -1;
                    const frame = (then) => requestAnimationFrame(() => setTimeout(then, 0));
                    frame(() => {
                      painted[s] = Math.round(performance.now());
                      // KaTeX's fonts are font-display: block, so the math is invisible until they load: the
                      // frame after the fonts that frame's layout asked for is when the answer can be read
                      if (s === 'derived' || !('derived' in painted)) {
                        painted.readable = -1;
                        document.fonts.ready.then(() => frame(() => { painted.readable = Math.round(performance.now()); }));
                      }
                    });
                  }
                }
              }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
            })();""";

    /** When the derivation was first on screen: "derived", or "done" on a page without that state. */
    private static List<Long> shown(List<Map<String, Long>> runs) {
        return runs.stream().map(x -> x.get("shown") >= 0 ? x.get("shown") : x.get("answer")).toList();
    }

    /**
     * Where the first answer's time went, in ms since navigation (the page's clock): the HTML, the
     * worker's script, the engine's download, the request posted by the page and received by the
     * worker, the engine evaluated, the derivation, the answer back on the page, KaTeX, the page parsed
     * (DOMContentLoaded, after the deferred KaTeX) and the answer shown ({@code data-done-at}).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> milestones(ChromeDriver driver) {
        Map<String, Object> raw = (Map<String, Object>) driver.executeScript("""
                const n = performance.getEntriesByType('navigation')[0];
                const res = (part) => {
                  const e = performance.getEntriesByType('resource').find((x) => x.name.includes(part));
                  return e ? Math.round(e.responseEnd) : -1;
                };
                const mark = (name) => {
                  const e = performance.getEntriesByName(name)[0];
                  return e ? Math.round(e.startTime) : -1;
                };
                const d = document.getElementById('derive-output').dataset;
                const num = (v) => (v === undefined ? -1 : Math.round(Number(v)));
                return {
                  html: Math.round(n.responseEnd),
                  workerScript: res('derive/worker.js'),
                  workerStarted: num(d.workerAt),
                  engineFetched: res('mcd-engine-'),
                  posted: mark('mcd-posted'),
                  received: num(d.receivedAt),
                  engineFrom: num(d.engineFrom),
                  engineEvaluated: num(d.engineTo),
                  derivedMs: num(d.derivedMs),
                  derivationMs: num(d.ms),
                  answerOnPage: mark('mcd-answered'),
                  katexFetched: res('katex.min.js'),
                  pageReady: mark('mcd-ready'),
                  domContentLoaded: Math.round(n.domContentLoadedEventEnd),
                  shown: num(d.derivedAt),
                  shownPainted: num((window.mcdPainted || {}).derived),
                  shownReadable: num((window.mcdPainted || {}).readable),
                  checkedOnPage: mark('mcd-checked'),
                  answer: num(d.doneAt),
                  donePainted: num((window.mcdPainted || {}).done)
                };""");
        return ordered(raw, MILESTONES);
    }

    /** The milestones in the order they happen on this site's page. */
    private static final List<String> MILESTONES = List.of("html", "workerScript", "workerStarted", "engineFetched", "posted",
            "received", "engineFrom", "engineEvaluated", "derivedMs", "derivationMs", "answerOnPage", "katexFetched", "pageReady",
            "domContentLoaded", "shown", "shownPainted", "shownReadable", "checkedOnPage", "answer", "donePainted");

    private static Map<String, Long> ordered(Map<String, Object> raw, List<String> keys) {
        Map<String, Long> m = new LinkedHashMap<>();
        keys.forEach(k -> m.put(k, ((Number) raw.get(k)).longValue()));
        return m;
    }

    /** A floor page: its worker's answer time ({@code data-done} on the root element) and its parts. */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> floorRun(ChromeDriver driver, String url) {
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> ((JavascriptExecutor) d)
                .executeScript("return document.documentElement.dataset.done || null;") != null);
        Map<String, Object> raw = (Map<String, Object>) driver.executeScript("""
                const d = document.documentElement.dataset;
                return { html: Math.round(performance.getEntriesByType('navigation')[0].responseEnd),
                  workerStarted: Math.round(Number(d.workerAt || -1)), engineEvaluated: Math.round(Number(d.engineTo || -1)),
                  derivationMs: Math.round(Number(d.ms || -1)), answer: Math.round(Number(d.done)) };""");
        return ordered(raw, List.of("html", "workerStarted", "engineEvaluated", "derivationMs", "answer"));
    }

    /**
     * The floor of the first answer on this machine, as two blank pages: {@code worker.html} starts a
     * worker whose script only answers (what Chromium takes to start a worker), and {@code engine.html}
     * starts a worker that loads the same engine with importScripts and derives the address's query
     * (what the engine costs with no page around it). Both report their times on the root element.
     */
    private static Path floorSite(Path engine) throws Exception {
        Path dir = Files.createTempDirectory("mcd-floor");
        Files.copy(engine, dir.resolve("engine.js"));
        String page = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>floor</title><script>
                const w = new Worker('%s' + location.search);
                w.onmessage = (e) => {
                  const d = document.documentElement.dataset, o = performance.timeOrigin;
                  d.workerAt = e.data.workerAt - o; d.engineTo = e.data.engineTo < 0 ? -1 : e.data.engineTo - o; d.ms = e.data.ms;
                  d.done = performance.now();
                };</script></head><body></body></html>
                """;
        Files.writeString(dir.resolve("worker.html"), page.formatted("empty.js"));
        Files.writeString(dir.resolve("engine.html"), page.formatted("engine-worker.js"));
        String clock = "const clock = () => performance.timeOrigin + performance.now(); const workerAt = clock();\n";
        Files.writeString(dir.resolve("empty.js"), clock + "postMessage({ workerAt, engineTo: -1, ms: -1 });\n");
        Files.writeString(dir.resolve("engine-worker.js"), clock + """
                importScripts('engine.js');
                const engineTo = clock();
                const p = new URLSearchParams(location.search);
                const t = performance.now();
                self.derive(p.get('expr'), p.get('wrt'), p.get('where') || '');
                if (typeof self.verify === 'function') {
                  self.verify(); // the engine in two calls (derive, then verify): the whole answer as before
                }
                postMessage({ workerAt, engineTo, ms: performance.now() - t });
                """);
        return dir;
    }

    private static WebElement await(ChromeDriver driver, String previousDoneAt) {
        WebElement out = driver.findElement(By.id("derive-output"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            String state = out.getDomAttribute("data-state");
            return ("done".equals(state) || "error".equals(state)) && !String.valueOf(previousDoneAt).equals(out.getDomAttribute("data-done-at"));
        });
        return out;
    }

    private static long median(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static long gzip(Path p) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(bytes)) {
            gz.write(Files.readAllBytes(p));
        }
        return bytes.size();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String[]> blocks(Path content) throws Exception {
        List<String[]> out = new ArrayList<>();
        Pattern block = Pattern.compile("(?m)^```derive\\s*\\n(.*?)^```", Pattern.DOTALL);
        try (Stream<Path> files = Files.walk(content)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = block.matcher(Files.readString(f));
                while (m.find()) {
                    String[] b = {"", "", ""};
                    for (String line : m.group(1).split("\n")) {
                        int c = line.indexOf(':');
                        if (c > 0) {
                            switch (line.substring(0, c).strip()) {
                                case "expr" -> b[0] = line.substring(c + 1).strip();
                                case "wrt" -> b[1] = line.substring(c + 1).strip();
                                case "where" -> b[2] = line.substring(c + 1).strip();
                                default -> { }
                            }
                        }
                    }
                    out.add(b);
                }
            }
        }
        return out;
    }
}
