package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.expr.Decls;
import dev.mcd.expr.Expr;
import dev.mcd.expr.Parser;
import dev.mcd.expr.ShapeChecker;
import dev.mcd.site.directive.UncheckedDirective;
import dev.mcd.site.load.PageParser;
import dev.mcd.site.load.ParsedPage;
import dev.mcd.testkit.CaseFile;
import dev.mcd.testkit.CaseLine;
import dev.mcd.verify.EqualityCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's prose audit over the real {@code content/}: every hand-typed equality the engine's
 * parser can read (via {@link TexEquation}) is checked numerically at random points. A displayed
 * equality in prose must be a {@code steps} chain or sit in an {@code unchecked} block; a marked
 * one that the engine could check must become a chain; an inline one that fails its check must
 * be listed, with the reason, in {@code prose-audit/inline-not-identities.txt}.
 */
class ProseAuditTest {

    /** One hand-typed formula with an '=': its page, line and TeX, and whether it is displayed. */
    record Formula(String page, int line, String tex, boolean display) {
        String where() {
            return "content/" + page + ":" + line;
        }
    }

    private static List<ParsedPage> pages() throws IOException {
        var out = new ArrayList<ParsedPage>();
        try (Stream<Path> s = Files.list(TestSites.projectRoot().resolve("content"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                var problems = new Problems();
                var file = SourceFile.of("content/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
                var page = PageParser.parse(file, problems);
                assertTrue(problems.isEmpty(), problems.sorted().toString());
                out.add(page.orElseThrow());
            }
        }
        return out;
    }

    private static List<Formula> prose(ParsedPage page) {
        var out = new ArrayList<Formula>();
        for (var span : page.math().spans()) {
            if (span.tex().contains("=")) {
                out.add(new Formula(page.name(), page.file().lineOf(span.start()), span.tex().strip().replaceAll("\\s+", " "),
                        span.display()));
            }
        }
        return out;
    }

    /** Empty when the engine cannot read the TeX; otherwise whether every link holds. */
    static Optional<Boolean> check(String tex) {
        var t = TexEquation.translate(tex);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        List<Expr> sides = new ArrayList<>();
        try {
            Decls decls = Decls.parse(t.get().where());
            for (String side : t.get().sides()) {
                var parsed = Parser.parse(side, decls);
                ShapeChecker.check(parsed.expr(), parsed.positions());
                sides.add(parsed.expr());
            }
            // Shapes must agree across the '=' too: check the whole chain as one expression.
            String joined = String.join(" - ", t.get().sides().subList(0, 2).stream().map(s -> "(" + s + ")").toList());
            var both = Parser.parse(joined, decls);
            ShapeChecker.check(both.expr(), both.positions());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        try {
            for (int k = 1; k < sides.size(); k++) {
                EqualityCheck.check(sides.get(k - 1), sides.get(k));
            }
            return Optional.of(true);
        } catch (RuntimeException e) {
            return Optional.of(false);
        }
    }

    private static Map<String, String> allowed() throws IOException {
        var out = new LinkedHashMap<String, String>();
        for (CaseLine c : CaseFile.read("prose-audit/inline-not-identities.txt")) {
            List<String> parts = c.fields(" | ", 3); // page.md | tex | reason
            out.put(parts.get(0) + " | " + parts.get(1), parts.get(2));
        }
        return out;
    }

    @Test
    void everyDisplayedEqualityInProseIsACheckedChainOrMarked() throws IOException {
        var unmarked = new ArrayList<String>();
        for (ParsedPage page : pages()) {
            for (Formula f : prose(page)) {
                if (f.display()) {
                    unmarked.add(f.where() + ": $$" + f.tex() + "$$ — write it as a steps chain, or in an unchecked block with its reason");
                }
            }
        }
        assertEquals(List.of(), unmarked);
    }

    @Test
    void noMarkedStatementIsOneTheEngineCouldCheck() throws IOException {
        var checkable = new ArrayList<String>();
        int marked = 0;
        for (ParsedPage page : pages()) {
            for (var block : page.directiveList()) {
                if (block.directive() instanceof UncheckedDirective.Unchecked u) {
                    marked++;
                    if (check(u.tex().text()).orElse(false)) {
                        checkable.add("content/" + page.name() + ":" + page.file().lineOf(u.offset())
                                + ": the engine can check this statement; write it as a steps chain");
                    }
                }
            }
        }
        assertTrue(marked > 0, "the content marks its unchecked statements");
        assertEquals(List.of(), checkable);
    }

    @Test
    void everyInlineEqualityTheEngineCanReadHoldsOrIsListedWithItsReason() throws IOException {
        var allowed = allowed();
        var failures = new ArrayList<String>();
        var used = new java.util.TreeSet<String>();
        int read = 0;
        int held = 0;
        for (ParsedPage page : pages()) {
            for (Formula f : prose(page)) {
                var result = f.display() ? Optional.<Boolean>empty() : check(f.tex());
                if (result.isEmpty()) {
                    continue;
                }
                read++;
                String key = page.name() + " | " + f.tex();
                if (result.get()) {
                    held++;
                    if (allowed.containsKey(key)) {
                        failures.add(f.where() + ": listed as not an identity, but it holds: $" + f.tex() + "$");
                    }
                } else if (allowed.containsKey(key)) {
                    used.add(key);
                } else {
                    failures.add(f.where() + ": $" + f.tex() + "$ does not hold at random points; fix it, or list it in "
                            + "prose-audit/inline-not-identities.txt with the reason (e.g. a constraint)");
                }
            }
        }
        for (String key : allowed.keySet()) {
            if (!used.contains(key)) {
                failures.add("prose-audit/inline-not-identities.txt lists a formula no page has any more: " + key);
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(read >= 20 && held > 0, "the audit reads the prose's equalities (" + read + " read, " + held + " hold)");
        System.out.println("prose audit: " + read + " inline equalities the engine can read, " + held
                + " hold at random points, " + used.size() + " listed as not identities");
    }
}
