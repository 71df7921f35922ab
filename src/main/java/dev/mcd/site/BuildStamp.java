package dev.mcd.site;

import dev.mcd.site.publish.AtomicFiles;
import dev.mcd.site.publish.SiteOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Lets {@code mcd build} skip a build whose answer is already on disk, as make does: the last
 * successful build recorded the digest of everything it read ({@link #inputs}) and the digest of
 * every file it wrote. When the inputs hash the same and {@code site-output/} still holds exactly
 * those files, a new build would write the same bytes (builds are deterministic), so there is
 * nothing to do. {@code .mcd-cache/site-output.stamp}, e.g.
 * <pre>
 * mcd-site-stamp 1
 * inputs 3f2a…
 * 9c41… 297359 gallery-elementwise.html
 * </pre>
 * Sound by construction: a stamp only vouches for files whose bytes are checked again on every
 * use, so a stale, foreign or forged stamp can cost a build but never skip one that would change
 * the output. {@code mcd check} never reads it: CI always builds.
 */
public final class BuildStamp {
    static final String FILE = ".mcd-cache/site-output.stamp";
    private static final String HEADER = "mcd-site-stamp 1";

    private final Path root;
    private final String tool;

    /** {@code tool} names the running program and everything it links (see {@link #runningTool}). */
    public BuildStamp(Path root, String tool) {
        this.root = root;
        this.tool = tool;
    }

    /**
     * The tool as a value: the jar's bytes, its libraries' names and sizes (Maven names carry
     * versions), the JVM's version. Empty when running from class folders (tests, an IDE), which
     * have no such identity: then every build runs.
     */
    public static Optional<String> runningTool() {
        try {
            var source = BuildStamp.class.getProtectionDomain().getCodeSource();
            Path jar = source == null ? null : Path.of(source.getLocation().toURI());
            if (jar == null || !Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
                return Optional.empty();
            }
            var sha = new Sha256().text(Runtime.version().toString()).bytes(Files.readAllBytes(jar));
            Path lib = jar.resolveSibling("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> s = Files.list(lib)) {
                    for (Path p : s.sorted().toList()) {
                        sha.text(p.getFileName() + " " + Files.size(p));
                    }
                }
            }
            return Optional.of(sha.hex());
        } catch (IOException | java.net.URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * The digest of everything a build reads: the tool, the environment's base-address override and
     * every file under the build's inputs ({@link SiteBuilder#INPUTS}), path and bytes. Empty when an
     * input holds a symbolic link or another special file, whose meaning lies outside these bytes.
     */
    public Optional<String> inputs() throws IOException {
        var sha = new Sha256().text(HEADER).text(tool).text(String.valueOf(System.getenv(SiteConfig.BASE_URL_ENV)));
        for (String name : SiteBuilder.INPUTS) {
            Path top = root.resolve(name);
            if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
                sha.text("absent " + name);
                continue;
            }
            try (Stream<Path> s = Files.walk(top)) {
                for (Path p : s.sorted().toList()) {
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        continue;
                    }
                    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        return Optional.empty();
                    }
                    sha.text(root.relativize(p).toString().replace('\\', '/')).bytes(Files.readAllBytes(p));
                }
            }
        }
        return Optional.of(sha.hex());
    }

    /** True when the last recorded build had these inputs and site-output/ still holds exactly its files. */
    public boolean upToDate(String inputs) {
        Path stamp = root.resolve(FILE);
        try {
            if (!Files.isRegularFile(stamp, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            List<String> lines = Files.readAllLines(stamp, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("inputs " + inputs)) {
                return false;
            }
            return lines.subList(2, lines.size()).equals(manifest(onDisk()));
        } catch (IOException | RuntimeException e) {
            return false; // an unreadable stamp or output only means building again
        }
    }

    /** Records a build that has just been published with these inputs. */
    public void record(String inputs, SiteOutput published) throws IOException {
        var text = new StringBuilder(HEADER).append('\n').append("inputs ").append(inputs).append('\n');
        manifest(published.files()).forEach(line -> text.append(line).append('\n'));
        AtomicFiles.write(root.resolve(FILE), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, byte[]> onDisk() throws IOException {
        Path dir = root.resolve(SiteOutput.DIR);
        var files = new TreeMap<String, byte[]>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("not a regular file: " + p);
                }
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /** One line per file, sorted by path: digest, size, path. */
    private static List<String> manifest(Map<String, byte[]> files) {
        var lines = new ArrayList<String>();
        new TreeMap<>(files).forEach((path, bytes) -> lines.add(new Sha256().bytes(bytes).hex() + " " + bytes.length + " " + path));
        return lines;
    }
}
