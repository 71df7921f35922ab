package dev.mcd.site;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The project settings from {@code mcd.yaml} at the project root, e.g.
 * {@code baseUrl: https://mcd-dev.github.io/mcd/}; every key is optional. Without {@code baseUrl}
 * the site has no sitemap, canonical links or OpenGraph URLs; without {@code repoUrl} no edit links
 * (a placeholder such as example.org would publish links that lead nowhere, so it is refused).
 * The environment variable {@code MCD_BASE_URL} overrides {@code baseUrl}: CI passes the address
 * GitHub Pages reports when a fork is published elsewhere.
 *
 * @param title        the site title shown in the header
 * @param baseUrl      absolute URL of the published site, ending in '/', or "" when unknown
 * @param repoUrl      repository URL, or ""; "edit this page" links to {@code repoUrl/edit/branch/content/x.md}
 * @param branch       the branch the edit links point at
 * @param maxFileBytes a content file larger than this is a build error
 */
public record SiteConfig(String title, String baseUrl, String repoUrl, String branch, long maxFileBytes) {
    public static final String FILE = "mcd.yaml";
    public static final String BASE_URL_ENV = "MCD_BASE_URL";
    private static final List<String> KEYS = List.of("title", "baseUrl", "repoUrl", "branch", "maxFileBytes");
    /** Hosts of documentation examples: output that links there was never configured. */
    public static final List<String> PLACEHOLDERS = List.of("example.org", "example.com", "github.com/example/");

    public SiteConfig {
        baseUrl = baseUrl.isEmpty() || baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        repoUrl = repoUrl.endsWith("/") ? repoUrl.substring(0, repoUrl.length() - 1) : repoUrl;
    }

    public static SiteConfig defaults() {
        return new SiteConfig("Matrix calculus via differentials", "", "", "main", 1 << 20);
    }

    /** The link that opens a content file for editing on the repository host, or "" without a repository. */
    public String editUrl(String contentPath) {
        return repoUrl.isEmpty() ? "" : repoUrl + "/edit/" + branch + "/" + contentPath;
    }

    /** The absolute URL of a page ({@code index.html} is the site's address itself), or "" without baseUrl. */
    public String pageUrl(String outName) {
        return baseUrl.isEmpty() ? "" : outName.equals("index.html") ? baseUrl : baseUrl + outName;
    }

    /**
     * The site's path on its host, e.g. "/mcd/" for https://mcd-dev.github.io/mcd/: the 404 page is
     * served at whatever address was missing, so its links start from here instead of being relative.
     */
    public String sitePath() {
        if (baseUrl.isEmpty()) {
            return "/";
        }
        String path = URI.create(baseUrl).getPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** The placeholder host {@code text} contains, if any. */
    public static java.util.Optional<String> placeholderIn(String text) {
        return PLACEHOLDERS.stream().filter(text::contains).findFirst();
    }

    /** Reads {@code mcd.yaml} under {@code root}, or the defaults when there is none. */
    public static SiteConfig load(Path root, Problems problems) {
        var fromFile = loadFile(root, problems);
        String override = Environment.get(BASE_URL_ENV);
        if (override == null || override.isBlank()) {
            return fromFile;
        }
        if (!isAbsoluteHttp(override.strip()) || placeholderIn(override).isPresent()) {
            problems.add(Problem.ofFile(FILE, BASE_URL_ENV + "=" + override.strip()
                    + " is not the absolute http(s) address of a real host"));
            return fromFile;
        }
        return new SiteConfig(fromFile.title(), override.strip(), fromFile.repoUrl(), fromFile.branch(), fromFile.maxFileBytes());
    }

    private static SiteConfig loadFile(Path root, Problems problems) {
        Path p = root.resolve(FILE);
        if (!ProjectPaths.present(p)) {
            return defaults();
        }
        var escape = ProjectPaths.outside(root, p, FILE);
        if (escape.isPresent()) {
            problems.add(escape.get());
            return defaults();
        }
        String text;
        try {
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(Problem.ofFile(FILE, "cannot read: " + ProjectPaths.reason(e)));
            return defaults();
        }
        var file = SourceFile.of(FILE, text);
        return switch (Yaml.load(file, text, 1)) {
            case Yaml.Failed f -> {
                problems.add(f.problem());
                yield defaults();
            }
            case Yaml.Mapping m -> fromMap(file, m.values(), problems);
        };
    }

    private static SiteConfig fromMap(SourceFile file, Map<?, ?> map, Problems problems) {
        var d = defaults();
        for (Object k : map.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                problems.add(file.problemAt(lineOfKey(file, String.valueOf(k)), 1,
                        "unknown setting '" + k + "' (known: " + String.join(", ", KEYS) + ")"));
            }
        }
        long max = d.maxFileBytes();
        if (map.get("maxFileBytes") instanceof Number n && n.longValue() > 0) {
            max = n.longValue();
        } else if (map.containsKey("maxFileBytes")) {
            problems.add(file.problemAt(lineOfKey(file, "maxFileBytes"), 1, "maxFileBytes must be a positive number"));
        }
        // A refused address is left unset (reported once here, not again in every page that would link to it).
        var addresses = new java.util.HashMap<String, String>();
        for (String key : List.of("baseUrl", "repoUrl")) {
            addresses.put(key, "");
            if (!map.containsKey(key)) {
                continue;
            }
            String v = str(map, key, "");
            var placeholder = placeholderIn(v);
            if (placeholder.isPresent()) {
                problems.add(file.problemAt(lineOfKey(file, key), 1, key + " points at the placeholder host "
                        + placeholder.get() + "; set the address where the site or repository really is"));
            } else if (!isAbsoluteHttp(v)) {
                problems.add(file.problemAt(lineOfKey(file, key), 1, key + " must be an absolute http(s) address, e.g. "
                        + (key.equals("baseUrl") ? "https://you.github.io/mcd/" : "https://github.com/you/mcd")));
            } else {
                addresses.put(key, v);
            }
        }
        return new SiteConfig(str(map, "title", d.title()), addresses.get("baseUrl"), addresses.get("repoUrl"),
                str(map, "branch", d.branch()), max);
    }

    private static boolean isAbsoluteHttp(String url) {
        try {
            var u = new URI(url);
            // it ends up in href attributes of every page: a web address without quotes or spaces
            return ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null
                    && url.matches("https?://[^\\s\"'<>]+");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String str(Map<?, ?> map, String key, String fallback) {
        Object v = map.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    private static int lineOfKey(SourceFile file, String key) {
        for (int i = 1; i <= file.lineStarts().length; i++) {
            if (file.line(i).startsWith(key + ":")) {
                return i;
            }
        }
        return 1;
    }
}
