package dev.mcd.site.serve;

import java.nio.file.Path;

/**
 * Makes the site pipeline for a preview, e.g. {@code (project, out) -> changed -> pipeline.build(project, out)};
 * {@code outputDir} is the temporary folder the server serves.
 */
@FunctionalInterface
public interface RebuilderFactory {
    Rebuilder create(Path projectRoot, Path outputDir);
}
