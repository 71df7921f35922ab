package dev.mcd.site.load;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.mcd.site.SourceFile;
import dev.mcd.site.directive.Block;
import java.util.List;
import java.util.Map;

/**
 * A content page after parsing, before rendering: {@code content/basics.md} with its front
 * matter, Markdown tree (math masked), directives by fenced block and heading anchors.
 *
 * @param outName    the page's file in the site, e.g. {@code basics.html}
 * @param directives the expanded fenced blocks, by node identity, in document order
 * @param headingIds anchor of each heading, by node identity
 */
public record ParsedPage(SourceFile file, FrontMatter frontMatter, String outName, MathSpans math, Document document,
                         Map<Node, Block<?>> directives, Map<Heading, String> headingIds) {

    public String name() {
        return file.path().substring(file.path().lastIndexOf('/') + 1);
    }

    public boolean isHome() {
        return outName.equals("index.html");
    }

    public List<Block<?>> directiveList() {
        return List.copyOf(directives.values());
    }

    /** The file position of an offset in the masked Markdown. */
    public int original(int maskedOffset) {
        return math.original(maskedOffset);
    }
}
