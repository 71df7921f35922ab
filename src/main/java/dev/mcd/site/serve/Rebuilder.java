package dev.mcd.site.serve;

import java.nio.file.Path;
import java.util.Set;

/**
 * The site build as the preview server sees it, e.g. {@code rebuild(Set.of(content.resolve("intro.md")))}
 * after an edit; an empty set means "build everything" (start-up, or the watcher lost track).
 * Implementations write into the folder the server serves and report problems as
 * {@link BuildOutcome.Failed} rather than throwing.
 */
@FunctionalInterface
public interface Rebuilder {
    BuildOutcome rebuild(Set<Path> changed);
}
