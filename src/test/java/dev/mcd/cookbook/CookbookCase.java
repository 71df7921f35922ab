package dev.mcd.cookbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One equation of the Matrix Cookbook's section 2 as {@code cookbook/section2.txt} restates it, e.g.
 * {@code 101 | derived | tr(A*X*B) | X | A: matrix, ... | B*A |}: eq. (101) is derived by mcd and
 * its result must equal B A, the Cookbook's A'B' in numerator layout.
 */
record CookbookCase(int eq, Status status, String expr, String wrt, String where, String expect, String note) {
    enum Status { DERIVED, INSTANCE, VEC, IDENTITY, NONE }

    boolean derives() {
        return status == Status.DERIVED || status == Status.INSTANCE || status == Status.VEC;
    }

    @Override
    public String toString() {
        return "(" + eq + ") " + (derives() ? expr + " by " + wrt : status.name().toLowerCase(java.util.Locale.ROOT));
    }

    static List<CookbookCase> load() {
        try (InputStream in = CookbookCase.class.getResourceAsStream("/cookbook/section2.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<CookbookCase> out = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                if (f.length != 7) {
                    throw new IllegalStateException("cookbook/section2.txt: expected 7 fields in: " + line);
                }
                out.add(new CookbookCase(Integer.parseInt(f[0].trim()), Status.valueOf(f[1].trim().toUpperCase(java.util.Locale.ROOT)),
                        f[2].trim(), f[3].trim(), f[4].trim(), f[5].trim(), f[6].trim()));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
