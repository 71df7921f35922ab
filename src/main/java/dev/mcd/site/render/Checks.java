package dev.mcd.site.render;

import dev.mcd.site.Html;
import dev.mcd.site.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * One page's ledger of mathematical statements: what this build checked, what the page marks as
 * not checked, and what it shows unmarked. A "verified" badge can only be made here, from a check
 * the engine answered, and names its entry ({@code data-check="3"}), so that {@link #audit} can
 * prove every badge on the page stands for a check (issue 17: no "verified" without a check).
 */
public final class Checks {
    /** What a statement is: the report counts each kind separately. */
    public enum Kind { DERIVATION, CHAIN, IDENTITY, DISPLAY }

    /** Checked by the engine; marked "not machine-checked" with a reason; or neither. */
    public enum Status { CHECKED, MARKED, UNMARKED }

    /**
     * One statement: {@code what} names it for the report ("chain pca-objective"), {@code detail}
     * says what was checked or why not, {@code equalities} how many equalities a check covered,
     * {@code html} the statement as the page rendered it, or "" to show {@code what} as text.
     */
    public record Entry(int number, Kind kind, Status status, String what, String detail, int line, int equalities,
                 String html) {}

    /** Where a badge starts; its tag runs to the next {@code >}. */
    private static final String BADGE = "class=\"verified\"";
    private static final String CHECK = "data-check=\"";

    private final SourceFile file;
    private final List<Entry> entries = new ArrayList<>();

    public Checks(SourceFile file) {
        this.file = file;
    }

    /** A check the engine ran and passed; returns the badge whose tooltip says what was checked. */
    public synchronized String checked(Kind kind, String what, String verification, int offset, int equalities) {
        var e = add(kind, Status.CHECKED, what, verification, offset, equalities, "");
        return "<span class=\"verified\" tabindex=\"0\" title=\"" + Html.escape(verification) + "\" data-check=\""
                + e.number() + "\">verified</span>";
    }

    /** A statement shown without a check; returns the visible mark with its reason. */
    public synchronized String marked(Kind kind, String what, String reason, int offset) {
        return marked(kind, what, "", reason, offset);
    }

    /** As {@link #marked(Kind, String, String, int)}, with the statement as the page shows it. */
    public synchronized String marked(Kind kind, String what, String html, String reason, int offset) {
        add(kind, Status.MARKED, what, reason, offset, 0, html);
        return "<span class=\"unchecked\" tabindex=\"0\" title=\"" + Html.escape(reason) + "\">not machine-checked</span>";
    }

    /** A displayed equality in prose that is neither checked nor marked: listed by the report. */
    synchronized void unmarked(String tex, int offset) {
        add(Kind.DISPLAY, Status.UNMARKED, tex, "a displayed equality in prose, neither checked nor marked", offset, 0, "");
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    SourceFile file() {
        return file;
    }

    private Entry add(Kind kind, Status status, String what, String detail, int offset, int equalities, String html) {
        int line = offset < 0 ? 0 : file.lineOf(offset);
        var e = new Entry(entries.size() + 1, kind, status, what, detail, line, equalities, html);
        entries.add(e);
        return e;
    }

    /**
     * Problems for every badge in {@code html} that does not name a checked entry of this ledger,
     * or names one twice: a badge made any other way is a claim without a check.
     */
    public List<String> audit(String html) {
        var seen = new java.util.HashSet<Integer>();
        var out = new ArrayList<String>();
        var list = entries();
        // A plain scan, not a regular expression: pages are hundreds of KB and a build audits every one.
        for (int at = html.indexOf(BADGE); at >= 0; at = html.indexOf(BADGE, at + BADGE.length())) {
            int n = checkNumber(html, at + BADGE.length());
            if (n < 0) {
                out.add("a \"verified\" badge that names no check");
            } else if (n < 1 || n > list.size() || list.get(n - 1).status() != Status.CHECKED) {
                out.add("a \"verified\" badge names check " + n + ", which this build did not run");
            } else if (!seen.add(n)) {
                out.add("check " + n + " (" + list.get(n - 1).what() + ") has more than one \"verified\" badge");
            }
        }
        return out;
    }

    /** The first {@code data-check="digits"} between {@code from} and the tag's end, or -1. */
    private static int checkNumber(String html, int from) {
        int tagEnd = html.indexOf('>', from);
        if (tagEnd < 0) {
            tagEnd = html.length();
        }
        for (int at = html.indexOf(CHECK, from); at >= 0 && at < tagEnd; at = html.indexOf(CHECK, at + 1)) {
            int digits = at + CHECK.length();
            int end = digits;
            while (end < tagEnd && html.charAt(end) >= '0' && html.charAt(end) <= '9') {
                end++;
            }
            if (end > digits && end < tagEnd && html.charAt(end) == '"') {
                try {
                    return Integer.parseInt(html, digits, end, 10);
                } catch (NumberFormatException e) {
                    return Integer.MAX_VALUE; // more digits than an int: names no check this build ran
                }
            }
        }
        return -1;
    }
}
