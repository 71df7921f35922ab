package dev.mcd.site;

import dev.mcd.site.load.ParsedPage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Refuses output that links to a documentation placeholder (example.org, github.com/example/…):
 * such a link was never configured and leads nowhere on the published site. A hit in a page's
 * Markdown is reported at its line and column; anything else (a template, mcd.yaml) at the output file.
 */
final class Placeholders {
    private Placeholders() {}

    /** The placeholder host an output file names, if any ({@code check} reuses it for an unchanged file in serve). */
    static java.util.Optional<String> scan(byte[] file) {
        // The hosts are ASCII, and no byte of a multi-byte UTF-8 character is, so reading the bytes as
        // Latin-1 finds the same hosts without decoding 10 MB of UTF-8 into UTF-16 (half a warm build's scan).
        return SiteConfig.placeholderIn(new String(file, StandardCharsets.ISO_8859_1));
    }

    static void check(Map<String, byte[]> files, List<ParsedPage> pages,
                      java.util.function.Function<byte[], java.util.Optional<String>> scan, Problems problems) {
        for (var e : files.entrySet()) {
            String name = e.getKey();
            if (!(name.endsWith(".html") || name.endsWith(".xml") || name.endsWith(".json"))) {
                continue;
            }
            var host = scan.apply(e.getValue());
            if (host.isEmpty()) {
                continue;
            }
            var source = pages.stream().filter(p -> p.outName().equals(name) && p.file().text().contains(host.get()))
                    .findFirst();
            if (source.isPresent()) {
                var file = source.get().file();
                problems.add(file.problemAt(file.text().indexOf(host.get()), "links to the placeholder host "
                        + host.get() + ", which the published site must not contain; link to a real address"));
            } else if (pages.stream().noneMatch(p -> p.file().text().contains(host.get()))) {
                problems.add(Problem.ofFile(name, "the output contains the placeholder host " + host.get()
                        + " (from a template or " + SiteConfig.FILE + "); set baseUrl and repoUrl in " + SiteConfig.FILE));
            }
        }
    }
}
