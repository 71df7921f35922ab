package dev.mcd.site.load;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.mcd.site.Problems;
import dev.mcd.site.SourceFile;
import dev.mcd.site.directive.Block;
import dev.mcd.site.directive.Body;
import dev.mcd.site.directive.Directives;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Stage "parse": a content file in, a {@link ParsedPage} out (or problems). Parses twice: once to
 * learn where code is, so that {@code $} in code stays literal, then the math-masked text.
 */
public final class PageParser {
    /** Flexmark renders recursively: thousands of nested block quotes would overflow the stack. */
    static final int MAX_NESTING = 100;

    private PageParser() {}

    /** The first node nested deeper than {@link #MAX_NESTING}, found without recursion. */
    static Optional<Node> tooDeep(Node root) {
        var nodes = new java.util.ArrayDeque<Node>();
        var depths = new java.util.ArrayDeque<Integer>();
        nodes.push(root);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Node n = nodes.pop();
            int d = depths.pop();
            if (d > MAX_NESTING) {
                return Optional.of(n);
            }
            for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
                nodes.push(c);
                depths.push(d + 1);
            }
        }
        return Optional.empty();
    }

    public static Optional<ParsedPage> parse(SourceFile file, Problems problems) {
        var split = FrontMatter.split(file, problems);
        if (split.isEmpty()) {
            return Optional.empty();
        }
        String body = split.get().body();
        var code = new ArrayList<MathSpans.Range>();
        for (Node n : Markdown.PARSER.parse(body).getDescendants()) {
            if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock || n instanceof Code
                    || n instanceof HtmlBlock || n instanceof HtmlCommentBlock || n instanceof HtmlInline) {
                code.add(new MathSpans.Range(n.getStartOffset(), n.getEndOffset()));
            }
        }
        var math = MathSpans.find(file, body, code, problems);
        var doc = Markdown.PARSER.parse(math.masked());
        var deep = tooDeep(doc);
        if (deep.isPresent()) {
            problems.add(file.problemAt(math.original(deep.get().getStartOffset()),
                    "Markdown nested deeper than " + MAX_NESTING + " levels (block quotes, lists, emphasis); flatten it"));
            return Optional.empty();
        }
        var directives = new LinkedHashMap<Node, Block<?>>();
        var headingIds = new IdentityHashMap<Heading, String>();
        var slugs = new Slugs(Set.of());
        for (Node n : doc.getDescendants()) {
            if (n instanceof FencedCodeBlock f && Directives.looksLikeDirective(f.getInfo().toString())) {
                var lines = new ArrayList<Body.Line>();
                for (BasedSequence line : f.getContentLines()) {
                    String t = line.toString();
                    t = t.endsWith("\n") ? t.substring(0, t.length() - 1) : t;
                    t = t.endsWith("\r") ? t.substring(0, t.length() - 1) : t;
                    lines.add(new Body.Line(t, math.original(line.getStartOffset())));
                }
                int infoAt = math.original(f.getInfo().getStartOffset());
                var parsed = Directives.parse(file, f.getInfo().toString(), infoAt, lines);
                parsed.problems().forEach(problems::add);
                parsed.block().ifPresent(d -> directives.put(f, d));
            } else if (n instanceof Heading h) {
                headingIds.put(h, slugs.next(headingText(h, math, true)));
            }
        }
        String name = file.path().substring(file.path().lastIndexOf('/') + 1);
        String out = name.substring(0, name.length() - ".md".length()) + ".html";
        return Optional.of(new ParsedPage(file, split.get().frontMatter(), out, math, doc,
                directives, headingIds));
    }

    /** A heading's plain text; math shown as its TeX ({@code withTex}) or left out. */
    public static String headingText(Node heading, MathSpans math, boolean withTex) {
        var sb = new StringBuilder();
        for (Node n : heading.getDescendants()) {
            if (n instanceof Text || n instanceof Code) {
                sb.append(n instanceof Code c ? c.getText() : n.getChars());
            }
        }
        var m = MathSpans.TOKEN.matcher(sb);
        var out = new StringBuilder();
        while (m.find()) {
            String tex = withTex ? math.spans().get(Integer.parseInt(m.group(1))).tex() : "";
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(tex));
        }
        m.appendTail(out);
        return out.toString().strip().replaceAll("\\s+", " ");
    }

    /** A heading's text with math still as tokens, for the table of contents. */
    public static String headingTextWithTokens(Node heading) {
        var sb = new StringBuilder();
        for (Node n : heading.getDescendants()) {
            if (n instanceof Text || n instanceof Code) {
                sb.append(n instanceof Code c ? c.getText() : n.getChars());
            }
        }
        return sb.toString().strip().replaceAll("\\s+", " ");
    }
}
