package dev.mcd.site.render;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import dev.mcd.site.Html;
import dev.mcd.site.Problems;
import dev.mcd.site.directive.Directives;
import dev.mcd.site.directive.Rendered.ExampleEntry;
import dev.mcd.site.directive.RenderContext;
import dev.mcd.site.engine.DerivationService;
import dev.mcd.site.load.Markdown;
import dev.mcd.site.load.MathSpans;
import dev.mcd.site.load.PageParser;
import dev.mcd.site.load.ParsedPage;
import dev.mcd.site.load.References;
import dev.mcd.site.load.SiteIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage "render": a {@link ParsedPage} in, a {@link RenderedPage} out, with the page's problems.
 * Directives expand to their HTML, {@code [](#eq:id)} becomes "eq. (10)", {@code [x](basics.md)}
 * links {@code basics.html}, headings get anchors and math tokens become KaTeX; every bad link or
 * formula is a problem. Directives and links are resolved in passes before flexmark renders, so
 * its callbacks only place what was resolved.
 */
public final class PageRenderer {
    private static final Pattern SCHEME = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)");

    private final ParsedPage page;
    private final SiteIndex index;
    private final References refs;
    private final Formulas formulas;
    private final RenderContext directives;
    private final Problems problems;
    private final Checks checks;
    /** The directive blocks' HTML in the order flexmark placed them (see {@link #blockToken}). */
    private final List<String> placed = new ArrayList<>();
    private static final String BLOCK = "mcdblock";

    /** A link as the page shows it: its target, and the text of an empty {@code [](#eq:id)} (or null). */
    private record Resolved(String href, String fillText) {}

    private PageRenderer(ParsedPage page, SiteIndex index, DerivationService engine, MathRenderer math, Problems problems) {
        this.page = page;
        this.index = index;
        this.refs = new References(index, page);
        this.formulas = new Formulas(math, page.file(), problems);
        this.checks = new Checks(page.file());
        this.directives = new RenderContext(page, index, engine, formulas, checks, problems);
        this.problems = problems;
    }

    public static RenderedPage render(ParsedPage page, SiteIndex index, DerivationService engine, MathRenderer math) {
        return new PageRenderer(page, index, engine, math, new Problems()).render();
    }

    private RenderedPage render() {
        checkLinksAndRawHtml();
        // Directives first, in document order (the ledger numbers their checks so): the Markdown pass only places their HTML.
        var blocks = new IdentityHashMap<Node, String>();
        var examples = new ArrayList<ExampleEntry>();
        page.directives().forEach((node, block) -> {
            var r = block.render(directives);
            blocks.put(node, r.html());
            r.example().ifPresent(examples::add);
        });
        var links = new IdentityHashMap<Link, Resolved>();
        for (Node n : page.document().getDescendants()) {
            if (n instanceof Link l) {
                links.put(l, resolve(l));
            }
        }
        NodeRenderer custom = new NodeRenderer() {
            @Override
            public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
                return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, (node, ctx, html) -> fenced(node, ctx, html, blocks)),
                        new NodeRenderingHandler<>(Link.class, (node, ctx, html) -> link(node, ctx, html, links.get(node))),
                        new NodeRenderingHandler<>(Heading.class, PageRenderer.this::heading));
            }
        };
        var renderer = HtmlRenderer.builder(Markdown.OPTIONS).nodeRendererFactory(options -> custom).build();
        String html = renderer.render(page.document());
        var toc = new ArrayList<RenderedPage.TocEntry>();
        var headings = new ArrayList<String>();
        for (Node n : page.document().getDescendants()) {
            if (n instanceof Heading h) {
                headings.add(PageParser.headingText(h, page.math(), false));
                if (h.getLevel() == 2 || h.getLevel() == 3) {
                    String text = Html.escape(PageParser.headingTextWithTokens(h));
                    toc.add(new RenderedPage.TocEntry(h.getLevel(), page.headingIds().get(h), text));
                }
            }
        }
        var rendered = new HashMap<Integer, String>();
        String body = substituteBlocks(substituteMath(html, rendered));
        var tocOut = toc.stream().map(t -> new RenderedPage.TocEntry(t.level(), t.id(), substituteMath(t.html(), rendered)))
                .toList();
        for (var span : page.math().spans()) {
            if (span.display() && span.tex().contains("=")) {
                // Directive bodies are code, not math spans: every display here was typed in prose.
                checks.unmarked(span.tex().strip().replaceAll("\\s+", " "), span.start());
            }
        }
        return new RenderedPage(page, body, tocOut, headings, plainText(), examples, checks, problems.sorted());
    }

    /**
     * Every link target (inline links, images, reference definitions, autolinks) must pass
     * {@link LinkPolicy} and every piece of raw HTML {@link RawHtml}; a refusal is a problem at
     * its place, so a page with {@code [x](javascript:...)} or {@code <script>} is never published.
     */
    private void checkLinksAndRawHtml() {
        for (Node n : page.document().getDescendants()) {
            switch (n) {
                case AutoLink a -> LinkPolicy.refusal(a.getText().toString())
                        .ifPresent(why -> problems.add(page.file().problemAt(page.original(a.getText().getStartOffset()), why)));
                case LinkNodeBase l -> LinkPolicy.refusal(l.getUrl().unescape())
                        .ifPresent(why -> problems.add(page.file().problemAt(page.original(l.getUrl().getStartOffset()), why)));
                case HtmlBlockBase h -> rawHtml(h);
                case HtmlInlineBase h -> rawHtml(h);
                default -> { }
            }
        }
    }

    private void rawHtml(Node node) {
        RawHtml.check(node.getChars().toString()).ifPresent(r ->
                problems.add(page.file().problemAt(page.original(node.getStartOffset() + r.offset()), r.message())));
    }

    private String substituteMath(String html, Map<Integer, String> rendered) {
        Matcher m = MathSpans.TOKEN.matcher(html);
        var sb = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            String out = i < page.math().spans().size() ? rendered.computeIfAbsent(i, k -> {
                var s = page.math().spans().get(k);
                return s.display() ? formulas.authoredDisplay(s.tex(), s.texStart()) : formulas.authored(s.tex(), false, s.texStart());
            }) : m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(out));
        }
        return m.appendTail(sb).toString();
    }

    private void fenced(FencedCodeBlock node, NodeRendererContext ctx, HtmlWriter html, Map<Node, String> blocks) {
        String d = blocks.get(node);
        if (d == null) {
            if (Directives.looksLikeDirective(node.getInfo().toString())) {
                return; // already reported by the parser; show nothing rather than raw keys
            }
            ctx.delegateRender();
            return;
        }
        html.line();
        // A token now, the block's HTML after flexmark: its writer copies raw text a character at a time.
        html.raw(blockToken(d));
        html.line();
    }

    /**
     * NUL never survives flexmark's reading of the source (it becomes U+FFFD), so a token made
     * with it can only be one this class wrote. The block's HTML is kept under the token's number.
     */
    private String blockToken(String blockHtml) {
        // The newline that ends a block stays with the token, where the writer's line() expects it.
        boolean endsLine = blockHtml.endsWith("\n");
        placed.add(endsLine ? blockHtml.substring(0, blockHtml.length() - 1) : blockHtml);
        return "\0" + BLOCK + (placed.size() - 1) + "\0" + (endsLine ? "\n" : "");
    }

    /** Puts each block's HTML where {@link #blockToken} left its token. */
    private String substituteBlocks(String html) {
        var sb = new StringBuilder(html.length() + placed.stream().mapToInt(String::length).sum());
        int from = 0;
        for (int at = html.indexOf('\0'); at >= 0; at = html.indexOf('\0', from)) {
            int end = html.indexOf('\0', at + 1);
            sb.append(html, from, at).append(placed.get(Integer.parseInt(html, at + 1 + BLOCK.length(), end, 10)));
            from = end + 1;
        }
        return sb.append(html, from, html.length()).toString();
    }

    private void heading(Heading node, NodeRendererContext ctx, HtmlWriter html) {
        String id = page.headingIds().get(node);
        html.line();
        html.attr("id", id).withAttr().tag("h" + node.getLevel());
        ctx.renderChildren(node);
        html.raw("<a class=\"heading-anchor\" href=\"#" + Html.escape(id) + "\" aria-label=\"Link to this section\">#</a>");
        html.tag("/h" + node.getLevel());
        html.line();
    }

    private static void link(Link node, NodeRendererContext ctx, HtmlWriter html, Resolved to) {
        html.attr("href", to.href());
        if (!node.getTitle().isEmpty()) {
            html.attr("title", node.getTitle().unescape());
        }
        html.withAttr().tag("a");
        if (node.hasChildren()) {
            ctx.renderChildren(node);
        } else {
            html.text(to.fillText() != null ? to.fillText() : node.getUrl().unescape());
        }
        html.tag("/a");
    }

    private Resolved resolve(Link node) {
        String url = node.getUrl().unescape();
        int at = page.original(node.getUrl().getStartOffset());
        String href = url;
        String fillText = null;
        if (LinkPolicy.refusal(url).isPresent()) {
            href = "#"; // already a problem (checkLinksAndRawHtml): the page is not published
        } else if (References.isReference(url)) {
            var t = refs.resolve(url);
            if (t.isEmpty()) {
                problems.add(page.file().problemAt(at, refs.unknown(url)));
            } else {
                href = t.get().href();
                fillText = t.get().text();
            }
        } else if (url.startsWith("#")) {
            if (!index.anchors().get(page.outName()).contains(url.substring(1))) {
                problems.add(page.file().problemAt(at, "no heading or example '" + url.substring(1) + "' on this page"));
            }
        } else if (!SCHEME.matcher(url).find()) {
            href = internal(url, at);
        }
        return new Resolved(href, fillText);
    }

    /** {@code basics.md#rules} becomes {@code basics.html#rules}; a missing page or anchor is a problem. */
    private String internal(String url, int at) {
        int hash = url.indexOf('#');
        String path = hash < 0 ? url : url.substring(0, hash);
        String anchor = hash < 0 ? "" : url.substring(hash + 1);
        if (path.startsWith("/") || path.startsWith("\\") || List.of(path.split("[/\\\\]")).contains("..")) {
            problems.add(page.file().problemAt(at, "path escapes the content folder: " + url));
            return url;
        }
        String out;
        if (path.endsWith(".md")) {
            out = path.substring(0, path.length() - 3) + ".html";
            if (index.page(out).isEmpty() || path.contains("/")) {
                problems.add(page.file().problemAt(at, "broken link: no page content/" + path));
                return url;
            }
        } else if (path.equals(SiteIndex.IDENTITIES_PAGE) || path.equals(SiteIndex.EXAMPLES_PAGE)
                || path.equals(SiteIndex.VERIFICATION_PAGE) || path.equals(DerivePage.PAGE)) {
            out = path;
        } else {
            problems.add(page.file().problemAt(at, "broken link: '" + url + "' is not a page (link to a .md file)"));
            return url;
        }
        if (!anchor.isEmpty() && index.anchors().containsKey(out) && !index.anchors().get(out).contains(anchor)) {
            problems.add(page.file().problemAt(at + path.length(), "broken link: no anchor '" + anchor + "' in " + path));
        }
        return anchor.isEmpty() ? out : out + "#" + anchor;
    }

    /** The page's words for the search index: text, inline code and formulas as text, no code blocks. */
    private String plainText() {
        var sb = new StringBuilder();
        collect(page.document(), sb);
        // each formula as text (TexText), so that a search snippet reads "df = tr(G dX)", not a hole
        return MathSpans.TOKEN.matcher(sb).replaceAll(m -> {
            int i = Integer.parseInt(m.group(1));
            return Matcher.quoteReplacement(i < page.math().spans().size() ? TexText.of(page.math().spans().get(i).tex()) : " ");
        }).replaceAll("\\s+", " ").strip();
    }

    private static void collect(Node node, StringBuilder sb) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            switch (n) {
                case FencedCodeBlock f -> { }
                case IndentedCodeBlock c -> { }
                case HtmlBlock h -> { }
                case Text t -> sb.append(t.getChars()).append(' ');
                case Code c -> sb.append(c.getText()).append(' ');
                default -> {
                    collect(n, sb);
                    sb.append(' ');
                }
            }
        }
    }
}
