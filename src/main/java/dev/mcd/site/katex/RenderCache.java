package dev.mcd.site.katex;

import dev.mcd.site.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Content-addressed store of rendered formulas, one file per entry, e.g.
 * {@code .mcd-cache/katex/3f…9a.html} holds the HTML for {@code ("x^2", inline)}; the key covers
 * the KaTeX version and the options script, so upgrading either simply misses the old entries.
 */
final class RenderCache {
    private final Path dir;

    RenderCache(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** sha256 of version, options, display flag and TeX, each part length-prefixed so no two inputs collide by concatenation. */
    static String key(String tex, boolean display) {
        return (display ? DISPLAY : INLINE).copy().text(tex).hex();
    }

    /** The parts every key shares, hashed once (the options script is kilobytes; a build keys thousands of formulas). */
    private static final Sha256 DISPLAY = new Sha256().text(KatexScript.VERSION).text(KatexScript.RENDER_FACTORY).text("display");
    private static final Sha256 INLINE = new Sha256().text(KatexScript.VERSION).text(KatexScript.RENDER_FACTORY).text("inline");

    Path fileOf(String key) {
        return dir.resolve(key + ".html");
    }

    /** Whether any entry is stored: a hint that this build will mostly hit. */
    boolean hasEntries() {
        try (var files = java.nio.file.Files.list(dir)) {
            return files.findAny().isPresent();
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    Optional<String> read(String key) {
        if (!dev.mcd.site.engine.CacheFiles.readable(fileOf(key))) {
            return Optional.empty(); // missing, or a link that could lead anywhere: render afresh
        }
        try {
            return Optional.of(Files.readString(fileOf(key), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // An unreadable entry is just a miss: the formula is rendered again and rewritten.
            return Optional.empty();
        }
    }

    /** Writes through a temporary file and a rename so a crashed build never leaves half an entry. */
    void write(String key, String html) {
        try {
            Files.createDirectories(dir);
            Path target = fileOf(key);
            dev.mcd.site.publish.AtomicFiles.write(target, html.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The cache only saves time: a full disk or a read-only folder costs speed, never the build.
        }
    }
}
