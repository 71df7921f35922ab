package dev.mcd.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies an example site from {@code src/test/resources/sites/<case>} into a scratch project. */
final class TestSites {
    private TestSites() {}

    static Path projectRoot() {
        String env = System.getenv("MCD_PROJECT_ROOT");
        return Path.of(env != null ? env : "").toAbsolutePath();
    }

    static Path sites() {
        return projectRoot().resolve("src/test/resources/sites");
    }

    /** The case's files, plus the project's real templates when the case has none. */
    static Path copy(String name, Path into) throws IOException {
        Path dest = into.resolve(name);
        copyTree(sites().resolve(name), dest);
        if (!Files.isDirectory(dest.resolve("templates"))) {
            copyTree(projectRoot().resolve("templates"), dest.resolve("templates"));
        }
        return dest;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
