package dev.mcd.site.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The whole site as a value, file path (with '/') to bytes, sorted: {@code index.html},
 * {@code katex/katex.min.css}, ... Written to a fresh folder and swapped in by rename, so a
 * reader of {@code site-output/} sees the old site or the new one, never a half-written one.
 */
public record SiteOutput(SortedMap<String, byte[]> files) {
    public static final String DIR = "site-output";

    public SiteOutput {
        files = new TreeMap<>(files);
    }

    /** Writes every file under {@code dir}, which must not exist yet or be empty. */
    public void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (var e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
    }

    /**
     * Like {@link #writeTo(Path)}, but a file with the same bytes in {@code earlier} (written
     * to {@code earlierDir} and never written again, as the preview's generations are) becomes a
     * hard link to it: after an edit the preview writes the changed pages, not the 60 fonts again.
     * Where a link cannot be made (another file system, a file gone) the bytes are written.
     */
    public void writeTo(Path dir, SiteOutput earlier, Path earlierDir) throws IOException {
        Files.createDirectories(dir);
        for (var e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            byte[] before = earlier.files().get(e.getKey());
            if (before != null && Arrays.equals(before, e.getValue())) {
                try {
                    Files.createLink(p, earlierDir.resolve(e.getKey()));
                    continue;
                } catch (IOException | UnsupportedOperationException ignored) {
                    Files.deleteIfExists(p); // fall through to writing the bytes
                }
            }
            Files.write(p, e.getValue());
        }
    }

    /** Replaces {@code root/site-output} by this site ({@link Publisher}: a complete site there at every instant). */
    public void publish(Path root) throws IOException {
        new Publisher(Disk.LOCAL, System.err::println).publish(root, this);
    }

    /** Paths that differ between this site and the folder, each as "changed: x", "missing: x" or "extra: x". */
    public List<String> differences(Path dir) throws IOException {
        var onDisk = new TreeMap<String, Path>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(Files::isRegularFile).forEach(p -> onDisk.put(dir.relativize(p).toString().replace('\\', '/'), p));
            }
        }
        var out = new ArrayList<String>();
        for (var e : files.entrySet()) {
            Path p = onDisk.remove(e.getKey());
            if (p == null) {
                out.add("missing: " + DIR + "/" + e.getKey());
            } else if (!Arrays.equals(Files.readAllBytes(p), e.getValue())) {
                out.add("changed: " + DIR + "/" + e.getKey());
            }
        }
        onDisk.keySet().forEach(k -> out.add("extra: " + DIR + "/" + k));
        out.sort(Comparator.comparing((String s) -> s.substring(s.indexOf(' ') + 1)));
        return out;
    }
}
