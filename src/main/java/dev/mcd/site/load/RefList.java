package dev.mcd.site.load;

import dev.mcd.site.Problems;
import dev.mcd.site.SiteConfig;
import dev.mcd.site.engine.DerivationService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every id a page can cite, as {@code ./mcd refs} lists them and as an unknown reference's
 * suggestions draw from, e.g. {@code #eq:product-rule  eq. (10), product rule}.
 *
 * @param anchor what a page writes after '#', e.g. {@code eq:product-rule}
 * @param text   what the reader sees and where it is, e.g. {@code eq. (10), product rule}
 */
public record RefList(List<Ref> refs) {
    public record Ref(String anchor, String text) {}

    /** The references of the project at {@code root}; problems (a broken page) are collected, not thrown. */
    public static RefList of(Path root, DerivationService engine, Problems problems) {
        var config = SiteConfig.load(root, problems);
        var parsed = ContentLoader.load(root, config, problems).stream()
                .map(f -> PageParser.parse(f, problems)).flatMap(Optional::stream).toList();
        return of(SiteIndex.of(parsed, engine.identities(), problems));
    }

    static RefList of(SiteIndex index) {
        var refs = new ArrayList<Ref>();
        for (var v : index.identities().values()) {
            refs.add(new Ref(v.anchor(), (v.number() > 0 ? "eq. (" + v.number() + "), " : "") + v.name()));
        }
        for (var e : index.examples().values()) {
            refs.add(new Ref("ex:" + e.id(), e.label() + " on " + e.page().file().path()));
        }
        // Catalogue order (eqs. 1-27, then the facts), then examples in reading order: as the site shows them.
        return new RefList(List.copyOf(refs));
    }

    /**
     * Up to three anchors nearest to an unknown one: fewest edits, each shared word saving two and
     * another kind (eq:, fact:, ex:) costing three, e.g. eq:chain-scalar-vector → eq:chain-vector-vector,
     * eq:chain-scalar-matrix, eq:chain-vector; nothing when no anchor is anywhere near.
     */
    public List<String> nearest(String anchor) {
        record Scored(String anchor, int score) {}
        var words = List.of(anchor.substring(kind(anchor).length()).split("-"));
        return refs.stream()
                .map(r -> {
                    var theirs = List.of(r.anchor().substring(kind(r.anchor()).length()).split("-"));
                    int shared = (int) words.stream().filter(theirs::contains).count();
                    int other = kind(r.anchor()).equals(kind(anchor)) ? 0 : 3;
                    return new Scored(r.anchor(), dev.mcd.expr.Spelling.distance(anchor, r.anchor()) - 2 * shared + other);
                })
                .filter(s -> s.score() <= Math.max(4, anchor.length() / 2))
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::anchor))
                .limit(3).map(Scored::anchor).toList();
    }

    /** The problem text for an unknown reference, with the nearest ids and where to find them all. */
    public String unknown(String url) {
        var near = nearest(url.substring(1));
        return "unknown reference '" + url + "'"
                + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near.stream().map(a -> "#" + a).toList()) + "?")
                + " (./mcd refs lists every id)";
    }

    private static String kind(String anchor) {
        int colon = anchor.indexOf(':');
        return colon < 0 ? "" : anchor.substring(0, colon + 1);
    }
}
