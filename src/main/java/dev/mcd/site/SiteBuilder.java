package dev.mcd.site;

import dev.mcd.site.engine.DerivationService;
import dev.mcd.site.load.ContentLoader;
import dev.mcd.site.load.PageParser;
import dev.mcd.site.load.ParsedPage;
import dev.mcd.site.load.SiteIndex;
import dev.mcd.site.publish.SiteOutput;
import dev.mcd.site.render.DerivePage;
import dev.mcd.site.render.Layout;
import dev.mcd.site.render.MathRenderer;
import dev.mcd.site.render.PageModel;
import dev.mcd.site.render.PageRenderer;
import dev.mcd.site.render.RenderedPage;
import dev.mcd.site.render.SiteMaps;
import dev.mcd.site.render.SpecialPages;
import dev.mcd.site.render.Templates;
import dev.mcd.site.render.VerificationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The build as a chain of value-in/value-out stages: load → parse → index → render (2 threads)
 * → layout → {@link SiteOutput}. All problems of all stages are collected; the build fails with
 * every one of them, sorted, and nothing is written.
 */
public final class SiteBuilder {
    public static final int THREADS = 2;

    private final Path root;
    private final DerivationService engine;
    private final MathRenderer math;
    private final BuildMemo memo;

    public SiteBuilder(Path root, DerivationService engine, MathRenderer math) {
        this(root, engine, math, null);
    }

    /** With a memo kept across builds ({@code mcd serve}): unchanged pages are neither parsed nor rendered again. */
    public SiteBuilder(Path root, DerivationService engine, MathRenderer math, BuildMemo memo) {
        this.root = root;
        this.engine = engine;
        this.math = math;
        this.memo = memo;
    }

    /**
     * Everything under the project root that a build reads (files or folders): what {@link BuildStamp}
     * digests. A new input of the build must be named here, or a stamp could vouch for a stale site.
     */
    public static final List<String> INPUTS = List.of(ContentLoader.CONTENT, Templates.DIR, SiteConfig.FILE,
            DerivePage.PINNED_DIR);

    /** Files the build writes itself; a content page may not take their names. */
    static final java.util.Set<String> GENERATED = java.util.Set.of(SiteIndex.IDENTITIES_PAGE, SiteIndex.EXAMPLES_PAGE,
            SiteIndex.VERIFICATION_PAGE, "404.html", "search-index.json", "sitemap.xml", DerivePage.PAGE);

    public SiteOutput build() throws BuildFailure {
        long t = Profile.start();
        var problems = new Problems();
        if (memo != null) {
            memo.startBuild();
        }
        var config = SiteConfig.load(root, problems);
        var parsed = ContentLoader.load(root, config, problems).stream()
                .map(f -> memo == null ? PageParser.parse(f, problems) : memo.parse(f, problems)).flatMap(Optional::stream).toList();
        // On disk, not among the parsed pages: an index.md with a broken header is reported once, not also as missing.
        if (parsed.stream().noneMatch(ParsedPage::isHome) && Files.isDirectory(root.resolve(ContentLoader.CONTENT))
                && !Files.exists(root.resolve(ContentLoader.CONTENT).resolve("index.md"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            problems.add(Problem.ofFile(ContentLoader.CONTENT + "/index.md", "the home page is missing"));
        }
        for (var page : parsed) {
            if (GENERATED.contains(page.outName())) {
                problems.add(page.file().problemAt(1, 1, "this page would be written to " + page.outName()
                        + ", which the build generates itself; rename the file"));
            }
        }
        Profile.since("wall.1 load+parse", t);
        t = Profile.start();
        var index = SiteIndex.of(parsed, engine.identities(), problems);
        Profile.since("wall.2 index+catalogue", t);
        t = Profile.start();
        var rendered = renderAll(index, problems);
        Profile.since("wall.3 render pages", t);
        t = Profile.start();
        // A pull request may add links: nothing under templates/ may lead out of the project.
        if (!ProjectPaths.confineTree(root, root.resolve(Templates.DIR), Templates.DIR, problems)) {
            throw new BuildFailure(problems.sorted());
        }
        Templates templates;
        try {
            templates = new Templates(root);
        } catch (IOException e) {
            problems.add(Problem.ofFile(Templates.DIR + "/", "cannot read templates: " + e.getMessage()));
            throw new BuildFailure(problems.sorted());
        }
        var files = new TreeMap<String, byte[]>();
        var pages = new Pages(templates, files, problems);
        var layout = Profile.time("special.assets+layout", () -> new Layout(config, index, assets(files, problems)));
        for (int i = 0; i < rendered.size(); i++) {
            var r = rendered.get(i);
            var prev = i > 0 ? rendered.get(i - 1).page() : null;
            var next = i + 1 < rendered.size() ? rendered.get(i + 1).page() : null;
            pages.put(r.page().outName(), "page.ftlh", layout.content(r, prev, next));
        }
        var special = Profile.time("special.new", () -> new SpecialPages(index, rendered, math, problems));
        String identitiesHtml = Profile.time("special.identities", special::identities);
        pages.put(SiteIndex.IDENTITIES_PAGE, "page.ftlh", layout.generated(SiteIndex.IDENTITIES_TITLE,
                "The numbered identities of matrix differential calculus that the derivations cite, each checked numerically.",
                SiteIndex.IDENTITIES_PAGE, identitiesHtml, special.identitiesToc()));
        pages.put(SiteIndex.EXAMPLES_PAGE, "page.ftlh", layout.generated(SiteIndex.EXAMPLES_TITLE,
                "Every worked example on the site, by page, each derived and checked by the engine.", SiteIndex.EXAMPLES_PAGE,
                special.examples(), List.of()));
        var report = Profile.time("special.verification", () -> verification(rendered, special, identitiesHtml, problems));
        pages.put(SiteIndex.VERIFICATION_PAGE, "page.ftlh", layout.generated("What is checked",
                "Per page, every statement this build checked numerically and every one it did not, with the reason.",
                SiteIndex.VERIFICATION_PAGE, report.html(), report.toc()));
        pages.put("404.html", "404.ftlh", layout.notFound());
        DerivePage.add(root, files, templates, layout, problems);
        var entries = new ArrayList<SiteMaps.Entry>();
        for (var r : rendered) {
            entries.add(new SiteMaps.Entry(r.page().frontMatter().title(), r.page().outName(), r.headings(), r.plainText()));
            // Each derivation is a result of its own, found by the formula the author wrote.
            for (var e : r.examples()) {
                if (!e.formula().isEmpty()) {
                    entries.add(new SiteMaps.Entry(e.label() + " · " + r.page().frontMatter().title(), e.href(), List.of(),
                            "d/d" + e.wrt() + " " + e.formula(), List.of(SiteMaps.compact(e.formula()))));
                }
            }
        }
        entries.add(special.identitiesEntry());
        entries.addAll(special.identityEntries());
        files.put("search-index.json", Profile.time("special.search-index", () -> SiteMaps.searchIndex(entries)));
        var urls = new ArrayList<>(rendered.stream().map(r -> r.page().outName()).toList());
        urls.add(SiteIndex.IDENTITIES_PAGE);
        urls.add(SiteIndex.EXAMPLES_PAGE);
        urls.add(SiteIndex.VERIFICATION_PAGE);
        if (files.containsKey(DerivePage.PAGE)) {
            urls.add(DerivePage.PAGE);
        }
        if (!config.baseUrl().isEmpty()) {
            files.put("sitemap.xml", SiteMaps.sitemap(config.baseUrl(), urls));
        }
        Placeholders.check(files, parsed, memo == null ? Placeholders::scan : f -> memo.checked(f, () -> Placeholders.scan(f)),
                problems);
        Profile.since("wall.4 templates+special", t);
        if (!problems.isEmpty()) {
            throw new BuildFailure(problems.sorted());
        }
        return new SiteOutput(files);
    }

    /** The pages' ledgers, audited (a badge without a check is a problem), as the report page. */
    private VerificationReport verification(List<RenderedPage> rendered, SpecialPages special, String identitiesHtml,
                                            Problems problems) {
        var ledgers = new ArrayList<VerificationReport.Ledger>();
        for (var r : rendered) {
            ledgers.add(new VerificationReport.Ledger(r.page().frontMatter().title(), r.page().outName(), r.checks(), r.html()));
        }
        ledgers.add(new VerificationReport.Ledger("Identities", SiteIndex.IDENTITIES_PAGE, special.identityChecks,
                identitiesHtml));
        if (memo == null) {
            VerificationReport.audit(ledgers, problems);
        } else {
            // A page reused from the memo has the same ledger and HTML, so the same audit (≈4 ms a page).
            for (int i = 0; i < ledgers.size(); i++) {
                var ledger = ledgers.get(i);
                var audit = i < rendered.size() ? memo.audit(rendered.get(i), () -> VerificationReport.audit(ledger))
                        : VerificationReport.audit(ledger);
                audit.forEach(problems::add);
            }
        }
        return new VerificationReport(ledgers);
    }

    /** Renders the pages two at a time; results stay in reading order whatever finishes first. */
    private List<RenderedPage> renderAll(SiteIndex index, Problems problems) {
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            var futures = new ArrayList<Future<RenderedPage>>();
            for (ParsedPage p : index.pages()) {
                futures.add(pool.submit(() -> Profile.time("page.render", () -> memo == null
                        ? PageRenderer.render(p, index, engine, math)
                        : memo.render(p, index, view -> PageRenderer.render(p, view, engine, math)))));
            }
            var out = new ArrayList<RenderedPage>();
            for (var f : futures) {
                var page = f.get();
                page.problems().forEach(problems::add);
                out.add(page);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("rendering failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** KaTeX's CSS and fonts and {@code templates/assets/**}; returns the stylesheets and scripts to link. */
    private Layout.Assets assets(Map<String, byte[]> files, Problems problems) {
        var styles = new ArrayList<String>();
        var scripts = new ArrayList<String>();
        try {
            // woff2 only: every browser that runs the site reads it, and ttf/woff would triple the fonts' weight.
            dev.mcd.site.katex.KatexRenderer.assetFiles().forEach((path, bytes) -> files.put("katex/" + path, bytes));
            styles.add("katex/katex.min.css");
        } catch (RuntimeException e) {
            problems.add(Problem.ofFile(Templates.DIR + "/", "cannot copy KaTeX assets: " + e.getMessage()));
        }
        Path dir = root.resolve(Templates.DIR).resolve("assets");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    String rel = "assets/" + dir.relativize(p).toString().replace('\\', '/');
                    files.put(rel, Files.readAllBytes(p));
                    if (rel.endsWith(".css")) {
                        styles.add(rel);
                    } else if (rel.endsWith(".js")) {
                        scripts.add(rel);
                    }
                }
            } catch (IOException e) {
                problems.add(Problem.ofFile(Templates.DIR + "/assets/", "cannot copy: " + e.getMessage()));
            }
        }
        return new Layout.Assets(styles, scripts);
    }

    /** Lays pages out through the templates into the site's files; with a memo, an equal model reuses its bytes. */
    private final class Pages {
        private record Inputs(String templates, String template, PageModel model) {}

        private final Templates templates;
        private final Map<String, byte[]> files;
        private final Problems problems;
        private final String fingerprint;

        Pages(Templates templates, Map<String, byte[]> files, Problems problems) throws BuildFailure {
            this.templates = templates;
            this.files = files;
            this.problems = problems;
            try {
                fingerprint = memo == null ? "" : templates.fingerprint();
            } catch (IOException e) {
                problems.add(Problem.ofFile(Templates.DIR + "/", "cannot read templates: " + e.getMessage()));
                throw new BuildFailure(problems.sorted());
            }
        }

        void put(String name, String template, PageModel model) {
            long t = Profile.start();
            java.util.function.Function<Problems, Optional<byte[]>> layout = own -> templates.render(template, model, own)
                    .map(html -> html.getBytes(StandardCharsets.UTF_8));
            var bytes = memo == null ? layout.apply(problems) : memo.stage(new Inputs(fingerprint, template, model), layout, problems);
            bytes.ifPresent(b -> files.put(name, b));
            Profile.since("layout.page", t);
        }
    }
}
