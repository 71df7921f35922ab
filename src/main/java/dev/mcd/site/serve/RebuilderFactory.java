package dev.mcd.site.serve;

import java.nio.file.Path;

/**
 * Makes the site pipeline for a preview, e.g. {@code project -> (changed, into) -> pipeline.build(project, into)}.
 */
@FunctionalInterface
public interface RebuilderFactory {
    Rebuilder create(Path projectRoot);
}
