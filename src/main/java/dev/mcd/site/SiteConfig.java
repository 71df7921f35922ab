package dev.mcd.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The project settings from {@code mcd.yaml} at the project root, e.g.
 * {@code baseUrl: https://example.org/mcd/}; every key is optional.
 *
 * @param title        the site title shown in the header
 * @param baseUrl      absolute URL of the published site, ending in '/', for sitemap.xml
 * @param repoUrl      repository URL; "edit this page" links to {@code repoUrl/edit/branch/content/x.md}
 * @param branch       the branch the edit links point at
 * @param maxFileBytes a content file larger than this is a build error
 */
public record SiteConfig(String title, String baseUrl, String repoUrl, String branch, long maxFileBytes) {
    public static final String FILE = "mcd.yaml";
    private static final List<String> KEYS = List.of("title", "baseUrl", "repoUrl", "branch", "maxFileBytes");

    public SiteConfig {
        baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        repoUrl = repoUrl.endsWith("/") ? repoUrl.substring(0, repoUrl.length() - 1) : repoUrl;
    }

    public static SiteConfig defaults() {
        return new SiteConfig("Matrix calculus via differentials", "https://example.org/", "https://github.com/example/mcd",
                "main", 1 << 20);
    }

    /** The link that opens a content file for editing on the repository host. */
    public String editUrl(String contentPath) {
        return repoUrl + "/edit/" + branch + "/" + contentPath;
    }

    /** Reads {@code mcd.yaml} under {@code root}, or the defaults when there is none. */
    public static SiteConfig load(Path root, Problems problems) {
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
        // Both end up in href attributes of every page: only web addresses, never javascript: or data:.
        for (String key : List.of("baseUrl", "repoUrl")) {
            if (map.containsKey(key) && !str(map, key, "").matches("https?://[^\\s\"'<>]+")) {
                problems.add(file.problemAt(lineOfKey(file, key), key.length() + 3,
                        key + " must be an http:// or https:// address"));
            }
        }
        return new SiteConfig(str(map, "title", d.title()), str(map, "baseUrl", d.baseUrl()),
                str(map, "repoUrl", d.repoUrl()), str(map, "branch", d.branch()), max);
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
