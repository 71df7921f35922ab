package dev.mcd.site.serve;

import java.nio.file.Path;
import java.util.Set;

/**
 * The site build as the preview server sees it, e.g. {@code rebuild(Set.of(content.resolve("intro.md")), gen7)}
 * after an edit; an empty set means "build everything" (start-up, or the watcher lost track).
 * Implementations write the whole site into {@code into}, an empty folder of its own that the
 * server starts serving only once the build is {@link BuildOutcome.Built}, and report problems as
 * {@link BuildOutcome.Failed} rather than throwing.
 */
@FunctionalInterface
public interface Rebuilder {
    BuildOutcome rebuild(Set<Path> changed, Path into);
}
