package dev.mcd.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of the test data files under src/test/resources (identity cases, parser cases,
 * printer cases, ...), so that every file follows the same rules: one case a line; blank lines and
 * lines starting with {@code #} are comments; a line {@code where: <declarations>} applies to the
 * cases below it until the next such line (an empty one clears it); fields are split by
 * {@link CaseLine#fields}; every case keeps its line number for failure messages.
 * Example: {@code CaseFile.read("verify/identities.txt")}.
 */
public final class CaseFile {
    private static final String WHERE = "where:";

    private CaseFile() {}

    /** The cases of a test resource, e.g. {@code "print/latex-cases.txt"} (a leading '/' is optional). */
    public static List<CaseLine> read(String resource) {
        String name = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = CaseFile.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading test resource " + name, e);
        }
    }

    /** The cases in {@code text}, read from the file called {@code name}. */
    public static List<CaseLine> parse(String name, String text) {
        List<CaseLine> out = new ArrayList<>();
        String where = "";
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith(WHERE)) {
                where = line.substring(WHERE.length()).strip();
                continue;
            }
            out.add(new CaseLine(name, i + 1, line, where));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(name + ": no cases");
        }
        return List.copyOf(out);
    }
}
