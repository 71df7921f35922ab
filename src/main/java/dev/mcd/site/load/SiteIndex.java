package dev.mcd.site.load;

import dev.mcd.site.Problems;
import dev.mcd.site.engine.DerivationService.IdentityView;
import dev.mcd.site.directive.Block;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a page may refer to, known before any page is rendered: the pages in reading order
 * ({@code order}, then file name; the home page first), the examples numbered per page ({@code ex:id}) and
 * the identity catalogue ({@code eq:id}, {@code fact:id}).
 */
public record SiteIndex(List<ParsedPage> pages, Map<String, Example> examples, Map<String, IdentityView> identities,
                        Map<String, Set<String>> anchors) {
    public static final String IDENTITIES_PAGE = "identities.html";
    public static final String EXAMPLES_PAGE = "examples.html";
    public static final String VERIFICATION_PAGE = "verification.html";
    /**
     * The generated pages' titles, distinct from any chapter's: "The identities" is a chapter
     * that explains them, the table lists them all (the sidebar showed both as "identities").
     */
    public static final String IDENTITIES_TITLE = "Table of identities";
    public static final String EXAMPLES_TITLE = "Index of examples";

    /** A derive or steps block with an id: its number on its page (in reading order) and where it is. */
    public record Example(String id, int number, ParsedPage page, String label) {
        public String href() {
            return page.outName() + "#ex:" + id;
        }
    }

    public static SiteIndex of(List<ParsedPage> parsed, List<IdentityView> catalogue, Problems problems) {
        // Names compare without ".md", so that a continuation (pca-eigenvectors.md) follows its page (pca.md).
        var pages = parsed.stream().sorted(Comparator.comparing((ParsedPage p) -> !p.isHome())
                .thenComparingInt(p -> p.frontMatter().order())
                .thenComparing(p -> p.name().replaceFirst("\\.md$", ""))).toList();
        var examples = new LinkedHashMap<String, Example>();
        var anchors = new LinkedHashMap<String, Set<String>>();
        for (ParsedPage p : pages) {
            var set = new TreeSet<>(p.headingIds().values());
            for (Block<?> b : p.directiveList()) {
                var numbered = b.numbered();
                if (numbered.isEmpty()) {
                    continue;
                }
                var id = numbered.get().id();
                var title = numbered.get().title();
                String key = id.text();
                if (!key.matches("[a-z0-9][a-z0-9-]*")) {
                    problems.add(p.file().problemAt(id.offset(), "an id is lower-case letters, digits and '-': " + key));
                } else if (examples.containsKey(key)) {
                    var first = examples.get(key).page().file();
                    problems.add(p.file().problemAt(id.offset(), "id '" + key + "' is already used in " + first.path()));
                } else {
                    // One scheme site-wide: "Example N" numbered per page in reading order; a title
                    // names the example after its number ("Example 5: by W₂"), never replaces it.
                    int number = (int) examples.values().stream().filter(e -> e.page() == p).count() + 1;
                    examples.put(key, new Example(key, number, p,
                            "Example " + number + title.map(t -> ": " + t.text()).orElse("")));
                    set.add("ex:" + key);
                }
            }
            anchors.put(p.outName(), set);
        }
        var ids = new LinkedHashMap<String, IdentityView>();
        for (IdentityView v : catalogue) {
            ids.put(v.anchor(), v);
        }
        anchors.put(IDENTITIES_PAGE, new TreeSet<>(ids.keySet()));
        var report = new TreeSet<>(pages.stream().map(p -> reportAnchor(p.outName())).toList());
        report.add("page-identities");
        anchors.put(VERIFICATION_PAGE, report);
        return new SiteIndex(pages, examples, ids, anchors);
    }

    /** The verification report's section for a page, e.g. {@code page-pca} for {@code pca.html}. */
    public static String reportAnchor(String outName) {
        return "page-" + outName.substring(0, outName.length() - ".html".length());
    }

    public Optional<IdentityView> equation(int number) {
        return identities.values().stream().filter(v -> v.number() == number).findFirst();
    }

    public Optional<ParsedPage> page(String outName) {
        return pages.stream().filter(p -> p.outName().equals(outName)).findFirst();
    }

    /** The catalogue groups in catalogue order, e.g. read-off, rules, chain, total, facts. */
    public List<String> groups() {
        return identities.values().stream().map(IdentityView::group).distinct().toList();
    }
}
