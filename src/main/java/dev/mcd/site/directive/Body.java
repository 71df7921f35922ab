package dev.mcd.site.directive;

import dev.mcd.site.Problem;
import dev.mcd.site.SourceFile;
import dev.mcd.site.directive.Directive.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A directive's body as written, {@code key: value} lines with optional {@code # comments}, and the
 * problems found while reading it: a bad line, an unknown or repeated key or a missing one, each at
 * its place in the file. A kind reads it with {@link #keys} or line by line.
 */
public final class Body {
    static final Pattern KEY = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)[ \\t]*:");

    /** A body line and the file offset where it starts. */
    public record Line(String text, int offset) {}

    private final String directive;
    private final int offset;
    private final List<Line> lines;
    private final SourceFile file;
    private final List<Problem> problems = new ArrayList<>();

    Body(String directive, int offset, List<Line> lines, SourceFile file) {
        this.directive = directive;
        this.offset = offset;
        this.lines = List.copyOf(lines);
        this.file = file;
    }

    /** The offset of the info string, where a block-wide problem points. */
    public int offset() {
        return offset;
    }

    public List<Line> lines() {
        return lines;
    }

    public void problem(int at, String message) {
        problems.add(file.problemAt(at, message));
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Reads all lines as {@code key: value}; {@code spec} lists the keys, optional ones end in '?'. */
    public Optional<Map<String, Value>> keys(List<String> spec) {
        return keys(lines, spec);
    }

    /** Reads {@code some} lines of the body as {@code key: value} lines. */
    public Optional<Map<String, Value>> keys(List<Line> some, List<String> spec) {
        var known = spec.stream().map(s -> s.replace("?", "")).toList();
        var values = new LinkedHashMap<String, Value>();
        var given = new HashSet<String>();
        boolean ok = true;
        for (Line line : some) {
            String t = line.text();
            if (t.isBlank() || t.strip().startsWith("#")) {
                continue;
            }
            int lead = leading(t);
            var m = KEY.matcher(t).region(lead, t.length());
            if (!m.lookingAt()) {
                problem(line.offset() + lead, "expected 'key: value' in " + directive);
                ok = false;
                continue;
            }
            String key = m.group(1);
            if (!known.contains(key)) {
                problem(line.offset() + lead, "unknown key '" + key + "' in " + directive
                        + " (known: " + String.join(", ", known) + ")");
                ok = false;
                continue;
            }
            if (values.containsKey(key)) {
                problem(line.offset() + lead, "'" + key + "' is given twice");
                ok = false;
                continue;
            }
            given.add(key);
            int hash = t.indexOf('#', m.end());
            String raw = hash < 0 ? t.substring(m.end()) : t.substring(m.end(), hash);
            if (raw.isBlank()) {
                problem(line.offset() + m.end(), "'" + key + "' has no value");
                ok = false;
                continue;
            }
            values.put(key, new Value(raw.strip(), line.offset() + m.end() + leading(raw)));
        }
        for (String s : spec) {
            // A key written without a value was reported already ("has no value").
            if (!s.endsWith("?") && !given.contains(s)) {
                problem(offset, directive + " needs '" + s + ":'");
                ok = false;
            }
        }
        return ok ? Optional.of(values) : Optional.empty();
    }

    /** The number of spaces and tabs that {@code s} starts with. */
    static int leading(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
