package dev.mcd.site.directive;

import dev.mcd.expr.Spelling;
import dev.mcd.site.Problem;
import dev.mcd.site.SourceFile;
import dev.mcd.site.directive.Body.Line;
import java.util.List;
import java.util.Optional;

/**
 * The one list of directive kinds, and reading a fenced block into one of them. Info strings
 * close to a directive's name ({@code step}, {@code derivation}) are reported rather than
 * silently shown as code.
 */
public final class Directives {
    /** Every kind the site expands; a new directive is one more entry. */
    public static final List<DirectiveKind<?>> ALL = List.of(
            new DeriveDirective(),
            new StepsDirective(),
            new IdentityDirective(),
            new IdentitiesDirective(),
            new UncheckedDirective(),
            new SeeAlsoDirective());

    /** A fenced block read as a directive: the block, or empty with the problems that say why. */
    public record Parsed(Optional<Block<?>> block, List<Problem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    private Directives() {}

    public static List<String> names() {
        return ALL.stream().map(DirectiveKind::name).toList();
    }

    /** Whether a fenced block with this info string is meant as a directive (known or not). */
    public static boolean looksLikeDirective(String info) {
        String word = firstWord(info);
        for (String name : names()) {
            if (word.equals(name) || word.length() >= 4 && (Spelling.distance(word, name) <= 2
                    || word.startsWith(name.substring(0, Math.min(5, name.length()))) || name.startsWith(word))) {
                return true;
            }
        }
        return false;
    }

    private static String firstWord(String info) {
        String s = info.strip();
        int sp = s.indexOf(' ');
        return sp < 0 ? s : s.substring(0, sp);
    }

    /** Reads the block opened by {@code info} (at file offset {@code infoOffset}) with its body lines. */
    public static Parsed parse(SourceFile file, String info, int infoOffset, List<Line> lines) {
        String name = firstWord(info);
        var body = new Body(name, infoOffset, lines, file);
        if (!name.equals(info.strip())) {
            int settings = info.indexOf(name) + name.length();
            while (Character.isWhitespace(info.charAt(settings))) {
                settings++;
            }
            body.problem(infoOffset + settings, "a directive's settings go in its body, not after '" + name + "'");
            return new Parsed(Optional.empty(), body.problems());
        }
        var kind = ALL.stream().filter(k -> k.name().equals(name)).findFirst();
        if (kind.isEmpty()) {
            body.problem(infoOffset, "unknown directive '" + name + "' (known: " + String.join(", ", names()) + ")");
            return new Parsed(Optional.empty(), body.problems());
        }
        Optional<Block<?>> block = read(kind.get(), body);
        return new Parsed(block, body.problems());
    }

    private static <D extends Directive> Optional<Block<?>> read(DirectiveKind<D> kind, Body body) {
        return kind.parse(body).map(d -> new Block<>(kind, d));
    }
}
