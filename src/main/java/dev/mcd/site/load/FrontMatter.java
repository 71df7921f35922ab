package dev.mcd.site.load;

import dev.mcd.site.Problems;
import dev.mcd.site.SourceFile;
import dev.mcd.site.Yaml;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A page's YAML header between {@code ---} lines, e.g. {@code title: Basics} and {@code order: 2};
 * pages are listed in the sidebar by {@code order}, then by file name.
 */
public record FrontMatter(String title, int order, String description) {
    private static final Set<String> KEYS = Set.of("title", "order", "description");

    /** The front matter and the text with the header blanked out (offsets and lines unchanged). */
    public record Split(FrontMatter frontMatter, String body) {}

    public static Optional<Split> split(SourceFile file, Problems problems) {
        String text = file.text();
        if (!(text.startsWith("---\n") || text.startsWith("---\r\n"))) {
            problems.add(file.problemAt(1, 1, "missing front matter: start the file with '---', 'title: ...', '---'"));
            return Optional.empty();
        }
        int end = -1;
        for (int line = 2; line <= file.lineStarts().length; line++) {
            if (file.line(line).strip().equals("---")) {
                end = line;
                break;
            }
        }
        if (end < 0) {
            problems.add(file.problemAt(1, 1, "front matter is not closed by a '---' line"));
            return Optional.empty();
        }
        int bodyStart = file.offsetOf(end, 1) + file.line(end).length();
        String yaml = text.substring(file.offsetOf(2, 1), file.offsetOf(end, 1));
        var fm = switch (Yaml.load(file, yaml, 2)) {
            case Yaml.Failed f -> {
                problems.add(f.problem());
                yield Optional.<FrontMatter>empty();
            }
            case Yaml.Mapping m -> of(file, m.values(), end, problems);
        };
        var blank = new StringBuilder(text.length());
        for (int i = 0; i < bodyStart; i++) {
            blank.append(text.charAt(i) == '\n' ? '\n' : ' ');
        }
        blank.append(text, bodyStart, text.length());
        return fm.map(f -> new Split(f, blank.toString()));
    }

    private static Optional<FrontMatter> of(SourceFile file, Map<?, ?> map, int endLine, Problems problems) {
        boolean ok = true;
        for (Object k : map.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                problems.add(file.problemAt(lineOfKey(file, String.valueOf(k), endLine), 1,
                        "unknown front matter key '" + k + "' (known: description, order, title)"));
                ok = false;
            }
        }
        if (!(map.get("title") instanceof String title) || title.isBlank()) {
            problems.add(file.problemAt(1, 1, "front matter needs a 'title'"));
            return Optional.empty();
        }
        int order = Integer.MAX_VALUE;
        if (map.containsKey("order")) {
            // 3000000000 would wrap around to a negative int and sort the page first.
            if (map.get("order") instanceof Number n && n.longValue() == n.doubleValue()
                    && n.longValue() >= Integer.MIN_VALUE && n.longValue() <= Integer.MAX_VALUE) {
                order = n.intValue();
            } else {
                problems.add(file.problemAt(lineOfKey(file, "order", endLine), 1, "'order' must be an integer (at most " + Integer.MAX_VALUE + ")"));
                ok = false;
            }
        }
        Object desc = map.get("description");
        return ok ? Optional.of(new FrontMatter(title.strip(), order, desc == null ? "" : String.valueOf(desc).strip()))
                : Optional.empty();
    }

    private static int lineOfKey(SourceFile file, String key, int endLine) {
        for (int i = 2; i < endLine; i++) {
            if (file.line(i).startsWith(key + ":")) {
                return i;
            }
        }
        return 1;
    }
}
