package dev.mcd.site;

import dev.mcd.site.publish.AtomicFiles;
import dev.mcd.site.publish.SiteOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Lets {@code mcd build} skip a build whose answer is already on disk, as make and git's index do:
 * the last successful build recorded every file it read (under {@link SiteBuilder#INPUTS}) and
 * every file it wrote, each with its size and modification time. When all of them are still the
 * same, and the tool and the environment too, a new build would write the same bytes (builds are
 * deterministic), so there is nothing to do. {@code .mcd-cache/site-output.stamp}, e.g.
 * <pre>
 * mcd-site-stamp 2
 * tool 25.0.3+9-LTS mcd.jar 882579 1764686100000000000 lib/flexmark-0.64.8.jar 5012 …
 * env MCD_BASE_URL unset
 * in 2817 1764686000000000000 - content/index.md
 * in 1204 1764686099500000000 9c41… content/notation.md
 * out 297359 1764686101000000000 gallery-elementwise.html
 * </pre>
 * A time can only be trusted when it is older than the file system's clock tick: a file saved
 * twice within one tick keeps its time. So an input modified within {@link #RACY_NANOS} of the
 * build's start is recorded with its SHA-256 and compared by content every time (git's "racily
 * clean" entries). A stamp can cost a build, never skip one whose inputs changed, except for a
 * deliberate edit that also restores a file's size and time; {@code mcd check} (CI) never reads it.
 */
public final class BuildStamp {
    static final String FILE = ".mcd-cache/site-output.stamp";
    private static final String HEADER = "mcd-site-stamp 2";
    /** Coarser than any file system's timestamp tick that mcd runs on (FAT's is 2 s). */
    static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final Path root;
    private final String tool;

    /** {@code tool} names the running program and everything it links (see {@link #runningTool}). */
    public BuildStamp(Path root, String tool) {
        this.root = root;
        this.tool = tool;
    }

    /** One file: its path, size, modification time (ns), and its SHA-256 when that time is too recent to trust ("-" otherwise). */
    record FileState(String path, long size, long time, String sha) {
        String line(String kind) {
            return kind + " " + size + " " + time + " " + sha + " " + path;
        }

        static FileState parse(String line, String kind) {
            String[] f = line.substring(kind.length() + 1).split(" ", 4);
            return new FileState(f[3], Long.parseLong(f[0]), Long.parseLong(f[1]), f[2]);
        }
    }

    /** What a build reads, as found at one moment: the inputs' files, in path order. */
    public record Inputs(String tool, String env, List<FileState> files) {}

    /**
     * The tool as a value: the JVM's version, the jar's and its libraries' names, sizes and times
     * (Maven writes a new jar on every change, and library names carry versions). Empty when running
     * from class folders (tests, an IDE), which have no such identity: then every build runs.
     */
    public static Optional<String> runningTool() {
        try {
            var source = BuildStamp.class.getProtectionDomain().getCodeSource();
            Path jar = source == null ? null : Path.of(source.getLocation().toURI());
            if (jar == null || !Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
                return Optional.empty();
            }
            var sb = new StringBuilder(Runtime.version().toString());
            var files = new ArrayList<>(List.of(jar));
            Path lib = jar.resolveSibling("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> s = Files.list(lib)) {
                    files.addAll(s.sorted().toList());
                }
            }
            for (Path p : files) {
                var a = Files.readAttributes(p, BasicFileAttributes.class);
                sb.append(' ').append(jar.getParent().relativize(p)).append(' ').append(a.size()).append(' ')
                        .append(a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
            }
            return Optional.of(sb.toString());
        } catch (IOException | java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Every file under the build's inputs as it is now. Empty when an input holds a symbolic link or
     * another special file, whose meaning lies outside its bytes: then no stamp, every build runs.
     */
    public Optional<Inputs> inputs() throws IOException {
        long racy = nowNanos() - RACY_NANOS;
        var files = new ArrayList<FileState>();
        for (String name : SiteBuilder.INPUTS) {
            Path top = root.resolve(name);
            if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            var found = scan(top, root, racy);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            files.addAll(found.get());
        }
        return Optional.of(new Inputs(tool, env(), files));
    }

    /**
     * True when {@code later} shows the same files as {@code earlier}: same paths, sizes and times,
     * and the same content wherever {@code earlier} could not trust the time.
     */
    public boolean same(Inputs earlier, Inputs later) throws IOException {
        if (!earlier.tool().equals(later.tool()) || !earlier.env().equals(later.env())
                || earlier.files().size() != later.files().size()) {
            return false;
        }
        for (int i = 0; i < earlier.files().size(); i++) {
            var a = earlier.files().get(i);
            var b = later.files().get(i);
            if (!a.path().equals(b.path()) || a.size() != b.size() || a.time() != b.time()) {
                return false;
            }
            // A recent (racy) file was recorded with its digest: its content must match too.
            if (!a.sha().equals("-") && !a.sha().equals(b.sha().equals("-") ? sha(root.resolve(b.path())) : b.sha())) {
                return false;
            }
        }
        return true;
    }

    /** True when the last recorded build read what is there now and site-output/ still holds exactly what it wrote. */
    public boolean upToDate(Inputs now) {
        try {
            var recorded = read();
            return recorded.isPresent() && same(recorded.get().inputs(), now)
                    && recorded.get().outputs().equals(outputs());
        } catch (IOException | RuntimeException e) {
            return false; // an unreadable or garbled stamp or output only means building again
        }
    }

    /** Records a build that read {@code inputs} and has just been published. */
    public void record(Inputs inputs) throws IOException {
        var text = new StringBuilder(HEADER).append('\n');
        text.append("tool ").append(inputs.tool()).append('\n').append("env ").append(inputs.env()).append('\n');
        inputs.files().forEach(f -> text.append(f.line("in")).append('\n'));
        outputs().forEach(f -> text.append(f.line("out")).append('\n'));
        AtomicFiles.write(root.resolve(FILE), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private record Stamp(Inputs inputs, List<FileState> outputs) {}

    private Optional<Stamp> read() throws IOException {
        Path stamp = root.resolve(FILE);
        if (!Files.isRegularFile(stamp, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(stamp, StandardCharsets.UTF_8);
        if (lines.size() < 3 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("tool ")
                || !lines.get(2).startsWith("env ")) {
            return Optional.empty();
        }
        var in = new ArrayList<FileState>();
        var out = new ArrayList<FileState>();
        for (String line : lines.subList(3, lines.size())) {
            if (line.startsWith("in ")) {
                in.add(FileState.parse(line, "in"));
            } else if (line.startsWith("out ")) {
                out.add(FileState.parse(line, "out"));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new Stamp(new Inputs(lines.get(1).substring(5), lines.get(2).substring(4), in), out));
    }

    /** site-output/'s files by size and time: only a build writes there, and each write gives a new time. */
    private List<FileState> outputs() throws IOException {
        Path dir = root.resolve(SiteOutput.DIR);
        return scan(dir, dir, Long.MAX_VALUE).orElseThrow(() -> new IOException("not a regular file under " + dir));
    }

    /**
     * The regular files under {@code top} in path order, named relative to {@code base}, with the
     * SHA-256 of those modified at or after {@code racyAfter}; empty when a link or other special file is there.
     */
    private static Optional<List<FileState>> scan(Path top, Path base, long racyAfter) throws IOException {
        var files = new ArrayList<FileState>();
        try (Stream<Path> s = Files.walk(top)) {
            for (Path p : s.sorted().toList()) {
                var a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isDirectory()) {
                    continue;
                }
                if (!a.isRegularFile()) {
                    return Optional.empty();
                }
                long time = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                files.add(new FileState(base.relativize(p).toString().replace('\\', '/'), a.size(), time,
                        time >= racyAfter ? sha(p) : "-"));
            }
        }
        return Optional.of(files);
    }

    private static String env() {
        String v = Environment.get(SiteConfig.BASE_URL_ENV);
        return SiteConfig.BASE_URL_ENV + " " + (v == null ? "unset" : new Sha256().text(v).hex());
    }

    private static String sha(Path p) throws IOException {
        return new Sha256().bytes(Files.readAllBytes(p)).hex();
    }

    private static long nowNanos() {
        var now = java.time.Instant.now();
        return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }
}
