package dev.mcd.site.katex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * KaTeX's stylesheet and fonts taken from the webjar, e.g. {@code copyTo(site.resolve("katex"))}
 * writes {@code katex.min.css} and {@code fonts/KaTeX_Main-Regular.woff2} …; the CSS is trimmed to
 * woff2 sources only (every browser that runs the site reads woff2), which keeps the committed
 * output at ≈0.26 MB of fonts instead of ≈1.1 MB.
 */
final class KatexAssets {
    static final String CSS = "katex.min.css";
    private static final Pattern LEGACY_FONT_SOURCE =
            Pattern.compile(",url\\(fonts/[A-Za-z0-9_-]+\\.(?:woff|ttf)\\) format\\(\"(?:woff|truetype)\"\\)");
    private static final Pattern URL = Pattern.compile("url\\(([^)]*)\\)");

    private KatexAssets() {
    }

    /** The stylesheet as written to the site: KaTeX's own, minus the woff and ttf fallbacks. */
    static String css() {
        String trimmed = LEGACY_FONT_SOURCE.matcher(KatexEngine.readWebjar(CSS)).replaceAll("");
        for (String url : urls(trimmed)) {
            // A later KaTeX with a different CSS layout must fail here, not ship broken font links.
            if (!url.startsWith("fonts/") || !url.endsWith(".woff2")) {
                throw new IllegalStateException("unexpected url(" + url + ") in KaTeX " + KatexScript.VERSION + " CSS");
            }
        }
        return trimmed;
    }

    static List<String> paths() {
        var all = new ArrayList<String>();
        all.add(CSS);
        all.addAll(urls(css()));
        all.sort(null);
        return List.copyOf(all);
    }

    /** The files of {@link #paths()} with their bytes, as the site writes them. */
    static java.util.SortedMap<String, byte[]> files() {
        var out = new java.util.TreeMap<String, byte[]>();
        for (String path : paths()) {
            out.put(path, path.equals(CSS) ? css().getBytes(StandardCharsets.UTF_8) : KatexEngine.openWebjar(path));
        }
        return out;
    }

    static List<Path> copyTo(Path targetDir) throws IOException {
        var written = new ArrayList<Path>();
        for (String path : paths()) {
            byte[] bytes = path.equals(CSS) ? css().getBytes(StandardCharsets.UTF_8) : KatexEngine.openWebjar(path);
            Path target = targetDir.resolve(path);
            writeIfChanged(target, bytes);
            written.add(target);
        }
        return List.copyOf(written);
    }

    private static TreeSet<String> urls(String css) {
        var urls = new TreeSet<String>();
        var m = URL.matcher(css);
        while (m.find()) {
            urls.add(m.group(1));
        }
        return urls;
    }

    private static void writeIfChanged(Path target, byte[] bytes) throws IOException {
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return;
        }
        dev.mcd.site.publish.AtomicFiles.write(target, bytes);
    }
}
