package dev.mcd.robust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Scratch projects for end-to-end runs: the repository's real {@code templates/} with a case's
 * files laid over them, e.g. {@code Projects.copy(Projects.bad().resolve("tex-inline"), dir)}.
 */
public final class Projects {
    private Projects() {}

    /** The repository root (Surefire passes MCD_PROJECT_ROOT; an IDE runs in it). */
    public static Path repo() {
        String env = System.getenv("MCD_PROJECT_ROOT");
        return Path.of(env != null && !env.isBlank() ? env : "").toAbsolutePath();
    }

    public static Path bad() {
        return repo().resolve("src/test/resources/bad");
    }

    /** The real templates, then the case's own files (its templates/ overriding single files). */
    public static Path copy(Path caseDir, Path into) throws IOException {
        copyTree(repo().resolve("templates"), into.resolve("templates"));
        copyTree(caseDir, into);
        return into;
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The non-blank lines of a file, or none when it does not exist. */
    public static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    /** Every regular file under {@code dir}, by relative path. */
    public static SortedMap<String, byte[]> snapshot(Path dir) throws IOException {
        var out = new TreeMap<String, byte[]>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    public static boolean sameFiles(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> Arrays.equals(a.get(k), b.get(k)));
    }

    /** The names directly in {@code dir}, hidden ones included, sorted. */
    public static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
