package dev.mcd.site;

import dev.mcd.site.Directive.ChainLine;
import dev.mcd.site.Directive.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a directive's body, {@code key: value} lines with optional {@code # comments}, into a
 * {@link Directive}; a bad line, an unknown or repeated key or a missing one is a problem at its
 * place in the file. Info strings close to a directive name ({@code step}, {@code derivation})
 * are reported rather than silently shown as code.
 */
public final class DirectiveParser {
    private static final Pattern KEY = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)[ \\t]*:");
    private static final List<String> STEPS_KEYS = List.of("where", "id", "title", "fixed");

    /** A body line and the file offset where it starts. */
    public record Line(String text, int offset) {}

    private final SourceFile file;
    private final Problems problems;

    public DirectiveParser(SourceFile file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Whether a fenced block with this info string is meant as a directive (known or not). */
    public static boolean looksLikeDirective(String info) {
        String word = firstWord(info);
        if (Directive.NAMES.contains(word)) {
            return true;
        }
        for (String name : Directive.NAMES) {
            if (word.length() >= 4 && (dev.mcd.expr.Spelling.distance(word, name) <= 2 || word.startsWith(name.substring(0, 5))
                    || name.startsWith(word))) {
                return true;
            }
        }
        return false;
    }

    public static String firstWord(String info) {
        String s = info.strip();
        int sp = s.indexOf(' ');
        return sp < 0 ? s : s.substring(0, sp);
    }

    /** The directive, or empty after reporting why it is not one. */
    public Optional<Directive> parse(String info, int infoOffset, List<Line> body) {
        String name = firstWord(info);
        if (!name.equals(info.strip())) {
            int settings = info.indexOf(name) + name.length();
            while (Character.isWhitespace(info.charAt(settings))) {
                settings++;
            }
            problems.add(file.problemAt(infoOffset + settings, "a directive's settings go in its body, not after '" + name + "'"));
            return Optional.empty();
        }
        return switch (name) {
            case "derive" -> derive(infoOffset, body);
            case "steps" -> steps(infoOffset, body);
            case "identity" -> keys(name, infoOffset, body, List.of("id"))
                    .map(k -> new Directive.IdentityRef(infoOffset, k.get("id")));
            case "identities" -> keys(name, infoOffset, body, List.of("group"))
                    .map(k -> new Directive.IdentityGroup(infoOffset, k.get("group")));
            case "unchecked" -> unchecked(infoOffset, body);
            default -> {
                problems.add(file.problemAt(infoOffset, "unknown directive '" + name + "' (known: "
                        + String.join(", ", Directive.NAMES) + ")"));
                yield Optional.empty();
            }
        };
    }

    private Optional<Directive> derive(int at, List<Line> body) {
        return keys("derive", at, body, List.of("expr", "wrt", "id?", "where?", "expect?", "title?", "layouts?", "names?", "auto-names?"))
                .map(k -> new Directive.Derive(at, Optional.ofNullable(k.get("id")), k.get("expr"), k.get("wrt"),
                        Optional.ofNullable(k.get("where")), Optional.ofNullable(k.get("expect")),
                        Optional.ofNullable(k.get("title")), Optional.ofNullable(k.get("layouts")),
                        Optional.ofNullable(k.get("names")), Optional.ofNullable(k.get("auto-names"))));
    }

    private Optional<Directive> steps(int at, List<Line> body) {
        var head = new ArrayList<Line>();
        var chain = new ArrayList<ChainLine>();
        for (Line line : body) {
            var m = KEY.matcher(line.text());
            String stripped = line.text().strip();
            if (stripped.isEmpty()) {
                continue;
            }
            if (chain.isEmpty() && m.lookingAt() && STEPS_KEYS.contains(m.group(1))) {
                head.add(line);
                continue;
            }
            int hash = line.text().indexOf('#');
            String expr = hash < 0 ? line.text() : line.text().substring(0, hash);
            String why = hash < 0 ? "" : line.text().substring(hash + 1);
            int lead = leading(expr);
            if (expr.isBlank()) {
                continue; // a comment line: '# ...' with nothing before it
            }
            int whyAt = hash < 0 ? line.offset() + line.text().length() : line.offset() + hash + 1 + leading(why);
            chain.add(new ChainLine(new Value(expr.strip(), line.offset() + lead), new Value(why.strip(), whyAt)));
        }
        var keys = keys("steps", at, head, List.of("where?", "id?", "title?", "fixed?"));
        if (chain.isEmpty()) {
            problems.add(file.problemAt(at, "steps needs at least one line 'lhs = rhs'"));
            return Optional.empty();
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        var k = keys.get();
        return Optional.of(new Directive.Steps(at, Optional.ofNullable(k.get("id")),
                Optional.ofNullable(k.get("where")), chain, Optional.ofNullable(k.get("title")),
                Optional.ofNullable(k.get("fixed"))));
    }

    /** {@code reason:} first, then the statement's TeX on the remaining lines (no {@code $$}). */
    private Optional<Directive> unchecked(int at, List<Line> body) {
        var head = new ArrayList<Line>();
        int i = 0;
        while (i < body.size() && (body.get(i).text().isBlank() || KEY.matcher(body.get(i).text().strip()).lookingAt()
                && body.get(i).text().strip().startsWith("reason"))) {
            head.add(body.get(i));
            i++;
        }
        var tex = new StringBuilder();
        int texAt = i < body.size() ? body.get(i).offset() : at;
        for (int j = i; j < body.size(); j++) {
            tex.append(body.get(j).text()).append('\n');
        }
        var keys = keys("unchecked", at, head, List.of("reason"));
        if (tex.isEmpty() || tex.toString().isBlank()) {
            problems.add(file.problemAt(at, "unchecked needs the statement's TeX on the lines after 'reason:'"));
            return Optional.empty();
        }
        if (tex.toString().contains("$$")) {
            problems.add(file.problemAt(texAt + tex.indexOf("$$"), "write the TeX of an unchecked block without '$$'"));
            return Optional.empty();
        }
        return keys.map(k -> new Directive.Unchecked(at, k.get("reason"), new Value(tex.toString().stripTrailing(), texAt)));
    }

    /** Reads {@code key: value} lines; {@code spec} lists keys, optional ones end in '?'. */
    private Optional<Map<String, Value>> keys(String directive, int at, List<Line> body, List<String> spec) {
        var known = spec.stream().map(s -> s.replace("?", "")).toList();
        var values = new LinkedHashMap<String, Value>();
        var given = new java.util.HashSet<String>();
        boolean ok = true;
        for (Line line : body) {
            String t = line.text();
            if (t.isBlank() || t.strip().startsWith("#")) {
                continue;
            }
            int lead = leading(t);
            var m = KEY.matcher(t).region(lead, t.length());
            if (!m.lookingAt()) {
                problems.add(file.problemAt(line.offset() + lead, "expected 'key: value' in " + directive));
                ok = false;
                continue;
            }
            String key = m.group(1);
            if (!known.contains(key)) {
                problems.add(file.problemAt(line.offset() + lead, "unknown key '" + key + "' in " + directive
                        + " (known: " + String.join(", ", known) + ")"));
                ok = false;
                continue;
            }
            if (values.containsKey(key)) {
                problems.add(file.problemAt(line.offset() + lead, "'" + key + "' is given twice"));
                ok = false;
                continue;
            }
            given.add(key);
            int hash = t.indexOf('#', m.end());
            String raw = hash < 0 ? t.substring(m.end()) : t.substring(m.end(), hash);
            if (raw.isBlank()) {
                problems.add(file.problemAt(line.offset() + m.end(), "'" + key + "' has no value"));
                ok = false;
                continue;
            }
            values.put(key, new Value(raw.strip(), line.offset() + m.end() + leading(raw)));
        }
        for (String s : spec) {
            // A key written without a value was reported already ("has no value").
            if (!s.endsWith("?") && !given.contains(s)) {
                problems.add(file.problemAt(at, directive + " needs '" + s + ":'"));
                ok = false;
            }
        }
        return ok ? Optional.of(values) : Optional.empty();
    }

    private static int leading(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
