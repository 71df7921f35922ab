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
import java.util.List;
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
 * down (when the worker began loading the engine, when it had it, the first derivation's time); with
 * {@code -Dmcd.bench.compare=<another built site>} the first answers alternate between the two sites, 8 each
 * (or {@code -Dmcd.bench.runs=N} in all), so that a change is measured against the same machine load, and the
 * ratio of the two medians is printed.
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
        // -Dmcd.bench.runs=N: how many first answers in all (alternating when comparing)
        int runs = Integer.getInteger("mcd.bench.runs", other.isPresent() ? 16 : 5);
        try (PreviewServer server = PreviewServer.start(site, 0, false);
             PreviewServer compare = PreviewServer.start(other.orElse(site), 0, false)) {
            List<Long> first = new ArrayList<>();
            List<Long> firstOther = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                boolean isOther = other.isPresent() && run % 2 == 1;
                try (Chromium chromium = Chromium.start()) {
                    ChromeDriver driver = chromium.driver();
                    String[] b = blocks.get(0);
                    driver.get((isOther ? compare : server).uri().resolve("derive.html") + "?expr=" + enc(b[0]) + "&wrt=" + enc(b[1])
                            + "&where=" + enc(b[2]));
                    WebElement out = await(driver, null);
                    (isOther ? firstOther : first).add(Long.parseLong(out.getDomAttribute("data-done-at")));
                    System.out.printf("  run %d%s: html %s ms, engine loaded from %s to %s ms, first derivation %s ms, answer shown at %s ms%n",
                            run, isOther ? " (compared site)" : "",
                            driver.executeScript("return Math.round(performance.getEntriesByType('navigation')[0].responseEnd);"),
                            out.getDomAttribute("data-engine-from"), out.getDomAttribute("data-engine-to"),
                            out.getDomAttribute("data-ms"), out.getDomAttribute("data-done-at"));
                }
            }
            if (other.isPresent()) {
                System.out.println("first answer on " + other.get() + " (ms): " + firstOther + ", median " + median(firstOther));
            }
            System.out.println("first answer after navigation (fresh browser each, ms): " + first + ", median " + median(first));
            if (other.isPresent()) {
                // the figure to compare on a shared machine: both medians measured under the same load
                System.out.printf("same-run ratio, this site / compared site: %.3f%n", (double) median(first) / median(firstOther));
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
