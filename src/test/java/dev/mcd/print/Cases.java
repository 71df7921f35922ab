package dev.mcd.print;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a spec-style data file of {@code input => expected} lines under {@code where:} headers,
 * e.g. {@code inv(X) => \mathbf{X}^{-1}}.
 */
final class Cases {
    private Cases() {}

    record Case(int line, String where, String input, String expected) {
        @Override
        public String toString() {
            return line + ": " + input;
        }
    }

    static List<Case> read(String resource) {
        try (InputStream in = Cases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            List<Case> cases = new ArrayList<>();
            String where = "";
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("where:")) {
                    where = line.substring("where:".length()).strip();
                    continue;
                }
                int arrow = line.indexOf(" => ");
                if (arrow < 0) {
                    throw new IllegalStateException(resource + ":" + (i + 1) + ": expected `input => output`");
                }
                cases.add(new Case(i + 1, where, line.substring(0, arrow).strip(), line.substring(arrow + 4).strip()));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
