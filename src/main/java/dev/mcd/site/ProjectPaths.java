package dev.mcd.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps every file a build reads inside the project, e.g. {@code templates/assets/leak.css ->
 * /etc/passwd} or {@code mcd.yaml -> /proc/self/environ} is the problem
 * {@code templates/assets/leak.css: path escapes the project: ...}: a pull request may add
 * symlinks, and whatever the build reads it may publish.
 */
public final class ProjectPaths {
    private ProjectPaths() {}

    /**
     * A problem when {@code file} (symlinks resolved) lies outside {@code root} or cannot be
     * resolved; empty when it is safe to read. {@code rel} names it in the message.
     */
    public static Optional<Problem> outside(Path root, Path file, String rel) {
        try {
            Path real = file.toRealPath();
            Path realRoot = root.toRealPath();
            if (!real.startsWith(realRoot)) {
                return Optional.of(Problem.ofFile(rel, "path escapes the project: it is a link to " + real));
            }
            // CI's checkout keeps its token in .git/config: a link into .git/ is as bad as one out of the project.
            if (!real.equals(realRoot) && realRoot.relativize(real).getName(0).toString().equals(".git")) {
                return Optional.of(Problem.ofFile(rel, "path leads into .git/, which is never read: it is a link to "
                        + realRoot.relativize(real)));
            }
            return Optional.empty();
        } catch (IOException e) {
            boolean link = Files.isSymbolicLink(file);
            return Optional.of(Problem.ofFile(rel, link ? "a link that leads nowhere" : "cannot read: " + reason(e)));
        }
    }

    /**
     * Checks {@code dir} and everything under it (links are not followed, so a link to a folder
     * outside is itself reported); returns false, after adding the problems, when any escapes.
     */
    public static boolean confineTree(Path root, Path dir, String rel, Problems problems) {
        if (!present(dir)) {
            return true;
        }
        var top = outside(root, dir, rel + "/");
        if (top.isPresent()) {
            problems.add(top.get());
            return false;
        }
        boolean ok = true;
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted().toList()) {
                var bad = outside(root, p, rel + "/" + dir.relativize(p).toString().replace('\\', '/'));
                if (bad.isPresent()) {
                    problems.add(bad.get());
                    ok = false;
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(Problem.ofFile(rel + "/", "cannot list: " + e.getMessage()));
            return false;
        }
        return ok;
    }

    /** Whether {@code file} exists as anything, a dangling link included. */
    static boolean present(Path file) {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** An I/O error as a short reason, e.g. "permission denied" rather than the exception's class. */
    static String reason(IOException e) {
        return switch (e) {
            case java.nio.file.AccessDeniedException a -> "permission denied";
            case java.nio.file.NoSuchFileException n -> "no such file";
            default -> e.getMessage() == null ? "I/O error" : e.getMessage();
        };
    }
}
