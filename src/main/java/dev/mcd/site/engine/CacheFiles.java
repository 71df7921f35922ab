package dev.mcd.site.engine;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Which cache entries may be read, e.g. not {@code .mcd-cache/katex/3f…9a.html -> /proc/self/environ}:
 * a pull request can commit links into the ignored cache folder, and whatever an entry holds ends
 * up in a page. Only a plain file in a folder that is not itself a link is read.
 */
public final class CacheFiles {
    private CacheFiles() {}

    public static boolean readable(Path entry) {
        Path dir = entry.getParent();
        return Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                && (dir == null || !Files.isSymbolicLink(dir))
                && (dir == null || dir.getParent() == null || !Files.isSymbolicLink(dir.getParent()));
    }
}
