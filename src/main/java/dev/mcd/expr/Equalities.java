package dev.mcd.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a chain of equal expressions at each {@code =}, e.g. {@code "d(x'*x) = d(x')*x + x'*d(x)"}
 * into its two sides with the column each starts at, so that an error in a side points into the
 * line it came from. The one splitter for catalogue statements and {@code steps} lines; the
 * expression language has no other {@code =}, so no side can contain one.
 */
public final class Equalities {
    private Equalities() {}

    /**
     * One side, stripped, and its 0-based offset in the line (where its first non-blank character
     * is; an empty side's offset is where it would start).
     */
    public record Side(String text, int offset) {}

    /** Every side in order: one more than there are {@code =}; a side may be empty ("= x" continues a chain). */
    public static List<Side> split(String line) {
        List<Side> sides = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == '=') {
                String raw = line.substring(start, i);
                int lead = raw.length() - Chars.stripLeading(raw).length();
                sides.add(new Side(Chars.strip(raw), start + lead));
                start = i + 1;
            }
        }
        return sides;
    }

    /** Only the sides' texts, e.g. for a statement that is known to be well formed. */
    public static List<String> texts(String line) {
        return split(line).stream().map(Side::text).toList();
    }
}
