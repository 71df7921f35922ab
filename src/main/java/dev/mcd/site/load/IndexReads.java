package dev.mcd.site.load;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What one page's rendering read of the {@link SiteIndex}, so that {@code mcd serve} can tell
 * whether a new index would render the page the same: e.g. worked-examples.md looked up
 * {@code examples["ex:pca-1"]} and saw "Example 1 on pca.html titled PCA"; after an edit of
 * notation.md that read sees the same, so the page is reused, while the page that links the
 * edited one is rendered again. Render through {@link #view}; ask {@link #sameIn} next time.
 *
 * <p>A read of one key records what the key held (an absent key too); iterating a map or the
 * page list records the whole of it. What a read "saw" is the part of the value a page can show:
 * an example's number, label, page and that page's title; an identity's record; a page's set of
 * anchors; a page's name, output name and front matter.
 */
public final class IndexReads {
    private static final Object WHOLE = new Object();

    /** One read: a key of a part of the index, or the whole part ({@link #WHOLE}). */
    private record Read(String part, Object key) {}

    /** Each read once, with what it saw the first time (a render reads some keys many times). */
    private final Map<Read, String> reads = new java.util.LinkedHashMap<>();

    /** The index as the page sees it: the same values, each read recorded here. */
    public SiteIndex view(SiteIndex index) {
        return new SiteIndex(new Pages(index), new Recording<>(index, "examples", index.examples()),
                new Recording<>(index, "identities", index.identities()), new Recording<>(index, "anchors", index.anchors()));
    }

    /** True when every recorded read sees the same in {@code index}. */
    public boolean sameIn(SiteIndex index) {
        synchronized (reads) {
            for (var r : reads.entrySet()) {
                if (!seen(index, r.getKey().part(), r.getKey().key()).equals(r.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    private void record(SiteIndex index, String part, Object key) {
        synchronized (reads) {
            reads.computeIfAbsent(new Read(part, key), r -> seen(index, part, key));
        }
    }

    private static String seen(SiteIndex index, String part, Object key) {
        return switch (part) {
            case "pages" -> pages(index.pages());
            case "examples" -> seen(index.examples(), key, IndexReads::example);
            case "identities" -> seen(index.identities(), key, String::valueOf);
            case "anchors" -> seen(index.anchors(), key, String::valueOf);
            default -> throw new IllegalArgumentException(part);
        };
    }

    private static <V> String seen(Map<String, V> map, Object key, Function<V, String> shown) {
        if (key != WHOLE) {
            V v = map.get(key);
            return v == null ? "absent" : shown.apply(v);
        }
        var sb = new StringBuilder();
        map.forEach((k, v) -> sb.append(k).append('\u0000').append(shown.apply(v)).append('\n'));
        return sb.toString();
    }

    private static String example(SiteIndex.Example e) {
        return e.id() + '\u0000' + e.number() + '\u0000' + e.label() + '\u0000' + e.page().outName() + '\u0000'
                + e.page().frontMatter().title();
    }

    private static String pages(List<ParsedPage> pages) {
        var sb = new StringBuilder();
        for (ParsedPage p : pages) {
            sb.append(p.name()).append('\u0000').append(p.outName()).append('\u0000').append(p.frontMatter()).append('\n');
        }
        return sb.toString();
    }

    /** The pages in reading order; any use of the list reads all of it (their names and front matter). */
    private final class Pages extends AbstractList<ParsedPage> {
        private final SiteIndex index;

        Pages(SiteIndex index) {
            this.index = index;
        }

        @Override
        public ParsedPage get(int i) {
            record(index, "pages", WHOLE);
            return index.pages().get(i);
        }

        @Override
        public int size() {
            record(index, "pages", WHOLE);
            return index.pages().size();
        }
    }

    /** A map whose reads by key, and whose iteration as a whole, are recorded. */
    private final class Recording<V> extends AbstractMap<String, V> {
        private final SiteIndex index;
        private final String part;
        private final Map<String, V> map;

        Recording(SiteIndex index, String part, Map<String, V> map) {
            this.index = index;
            this.part = part;
            this.map = map;
        }

        @Override
        public V get(Object key) {
            record(index, part, key);
            return map.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public Set<Entry<String, V>> entrySet() {
            record(index, part, WHOLE);
            return Collections.unmodifiableMap(map).entrySet();
        }
    }
}
