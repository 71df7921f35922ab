package dev.mcd.ci;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository root for tests that read its files, e.g. {@code ProjectRoot.file("README.md")};
 * Surefire passes it as MCD_PROJECT_ROOT (pom.xml), an IDE usually runs in it.
 */
final class ProjectRoot {

    private ProjectRoot() {
    }

    static Path path() {
        String fromMaven = System.getenv("MCD_PROJECT_ROOT");
        Path root = Path.of(fromMaven != null && !fromMaven.isBlank() ? fromMaven : System.getProperty("user.dir"));
        if (!Files.isRegularFile(root.resolve("pom.xml"))) {
            throw new IllegalStateException("not the project root (no pom.xml): " + root.toAbsolutePath());
        }
        return root;
    }

    static Path file(String relative) {
        return path().resolve(relative);
    }
}
