package dev.mcd.site;

import dev.mcd.site.load.IndexReads;
import dev.mcd.site.load.PageParser;
import dev.mcd.site.load.ParsedPage;
import dev.mcd.site.load.SiteIndex;
import dev.mcd.site.render.RenderedPage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What one build can hand to the next in the same process ({@code mcd serve}), so that an edit
 * re-parses and re-renders only the page that changed: e.g. after a prose edit of notation.md the
 * other pages' {@link ParsedPage} and {@link RenderedPage} come from here.
 *
 * <p>Every entry is keyed by all the inputs of the stage it skips, so a hit returns what the
 * stage would have computed, byte for byte: a parse by the file's path and text; a render by the
 * parsed page (its text) and what its rendering read of the site index ({@link IndexReads}: the
 * examples, anchors, identities and titles it looked up), so a page is rendered again exactly
 * when something it shows changed; a layout by its template files and model.
 * A stage that reported a problem is never remembered: a broken page is reported on each build.
 * Only entries used by the latest build are kept, so memory does not grow with the edits.
 */
public final class BuildMemo {
    /** A rendered page with what its rendering read of the index. */
    private record Rendered(RenderedPage page, IndexReads reads) {}

    private Map<SourceFile, ParsedPage> parsed = new ConcurrentHashMap<>();
    private Map<SourceFile, ParsedPage> parsedNow = new ConcurrentHashMap<>();
    private Map<SourceFile, Rendered> rendered = new ConcurrentHashMap<>();
    private Map<SourceFile, Rendered> renderedNow = new ConcurrentHashMap<>();
    private Map<RenderedPage, List<Problem>> audited = new java.util.IdentityHashMap<>();
    private Map<RenderedPage, List<Problem>> auditedNow = new java.util.IdentityHashMap<>();
    private Map<Object, Object> stages = new ConcurrentHashMap<>();
    private Map<Object, Object> stagesNow = new ConcurrentHashMap<>();

    private final java.util.concurrent.atomic.AtomicInteger renders = new java.util.concurrent.atomic.AtomicInteger();

    /** Pages the latest build rendered rather than reused, e.g. 1 after a prose edit of one page. */
    public int pagesRendered() {
        return renders.get();
    }

    /** Called at the start of a build: what the previous build used is what this one may reuse. */
    synchronized void startBuild() {
        if (!parsedNow.isEmpty() || !renderedNow.isEmpty()) {
            parsed = parsedNow;
            rendered = renderedNow;
            audited = auditedNow;
            stages = stagesNow;
        }
        parsedNow = new ConcurrentHashMap<>();
        renderedNow = new ConcurrentHashMap<>();
        auditedNow = new java.util.IdentityHashMap<>();
        stagesNow = new ConcurrentHashMap<>();
        renders.set(0);
    }

    /** {@link PageParser#parse}, reused when the same path holds the same text (SourceFile's equality). */
    Optional<ParsedPage> parse(SourceFile file, Problems problems) {
        ParsedPage hit = parsed.get(file);
        if (hit != null) {
            parsedNow.put(file, hit);
            return Optional.of(hit);
        }
        var own = new Problems();
        Optional<ParsedPage> out = PageParser.parse(file, own);
        own.sorted().forEach(problems::add);
        if (own.isEmpty() && out.isPresent()) {
            parsedNow.put(file, out.get());
        }
        return out;
    }

    /**
     * {@link PageRenderer#render} through {@code render}, reused when the page has the same parse and
     * every read its last rendering made of the index sees the same now ({@link IndexReads}): a prose
     * or derivation edit of one page renders that page, plus the pages that show what changed (a
     * link to its examples, its title or headings).
     */
    RenderedPage render(ParsedPage page, SiteIndex index, java.util.function.Function<SiteIndex, RenderedPage> render) {
        Rendered hit = rendered.get(page.file());
        if (hit != null && hit.page().page() == page && hit.reads().sameIn(index)) { // the same parse, so the same nodes
            renderedNow.put(page.file(), hit);
            return hit.page();
        }
        renders.incrementAndGet();
        var reads = new IndexReads();
        RenderedPage out = render.apply(reads.view(index));
        if (out.problems().isEmpty()) {
            renderedNow.put(page.file(), new Rendered(out, reads));
        }
        return out;
    }

    /** The verification audit of one rendered page, reused for the very same page object (a render reused above). */
    synchronized List<Problem> audit(RenderedPage page, Supplier<List<Problem>> audit) {
        List<Problem> out = audited.get(page);
        if (out == null) {
            out = List.copyOf(audit.get());
        }
        auditedNow.put(page, out);
        return out;
    }

    /**
     * The result of a stage that is a pure function of {@code inputs} (values with equals, e.g. a
     * template's name and {@code PageModel}), reused when the previous build ran it on equal inputs:
     * after a prose edit the other 64 pages' layouts are not made again, and the reused bytes are the
     * same array, so the output checks and the preview's writer pass over them in one comparison.
     * A stage that reported a problem (into its own {@code Problems}) is not remembered.
     */
    <T> Optional<T> stage(Object inputs, java.util.function.Function<Problems, Optional<T>> stage, Problems problems) {
        @SuppressWarnings("unchecked")
        T hit = (T) stages.get(inputs);
        if (hit != null) {
            stagesNow.put(inputs, hit);
            return Optional.of(hit);
        }
        var own = new Problems();
        Optional<T> out = stage.apply(own);
        own.sorted().forEach(problems::add);
        if (own.isEmpty() && out.isPresent()) {
            stagesNow.put(inputs, out.get());
        }
        return out;
    }

    /**
     * A check of one output file, reused for the very same array (a layout reused above): e.g.
     * the placeholder scan of 10 MB of pages becomes a scan of the page that changed.
     */
    <T> T checked(byte[] file, java.util.function.Supplier<T> check) {
        return stage(new Identity(file), own -> Optional.of(check.get()), new Problems()).orElseThrow();
    }

    /** Equal only to itself: a key for "this very array", whose contents need not be compared again. */
    private record Identity(byte[] of) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.of == of;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(of);
        }
    }
}
