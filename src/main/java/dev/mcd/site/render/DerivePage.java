package dev.mcd.site.render;

import dev.mcd.site.Problem;
import dev.mcd.site.Problems;
import dev.mcd.site.engine.EngineFingerprint;
import dev.mcd.site.publish.AtomicFiles;
import dev.mcd.site.publish.SiteOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code derive.html}: the engine compiled to JavaScript (TeaVM, dev.mcd.web) running in a Web
 * Worker, e.g. {@code derive.html?expr=tr(A*X)&wrt=X}. Writes the page, its scripts, KaTeX's
 * script (the release the build renders with) and the engine as
 * {@code derive/mcd-engine-<engine fingerprint>.js}, so a new engine is a new file name and no
 * cache can serve a stale one.
 */
public final class DerivePage {
    public static final String PAGE = "derive.html";
    static final String TITLE = "Derive your own";
    static final String TEMPLATE = "derive.ftlh";
    /** The TeaVM bundle inside the jar (pom.xml, teavm-maven-plugin). */
    static final String BUNDLE = "dev/mcd/web/mcd-engine.js";
    private static final String SCRIPTS = "dev/mcd/site/derive/";
    /**
     * Where the project keeps the bundle of its current engine, committed like a lock file. TeaVM's
     * output is not byte-stable from one Maven run to the next (same classes, different order of
     * its definitions), so the site copies the pinned bundle instead of the fresh one: the published
     * bytes change only when the engine does, and a fresh clone builds the committed site exactly.
     */
    public static final String PINNED_DIR = "web-bundle";

    private DerivePage() {}

    /** Adds the page when the project has {@code templates/derive.ftlh} (a site with its own templates may leave it out). */
    public static void add(Path root, Map<String, byte[]> files, Templates templates, Layout layout, Problems problems) {
        if (!Files.isRegularFile(root.resolve(Templates.DIR).resolve(TEMPLATE), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String bundle = "mcd-engine-" + EngineFingerprint.of() + ".js";
        String engine = "derive/" + bundle;
        try {
            files.put(engine, withCompileHint(pinned(root.resolve(PINNED_DIR), bundle)));
            files.put("katex/katex.min.js", resource("META-INF/resources/webjars/katex/" + dev.mcd.site.katex.KatexRenderer.KATEX_VERSION
                    + "/dist/katex.min.js", "KaTeX's script"));
            for (String name : List.of("derive.js", "worker.js", "derive.css")) {
                files.put("derive/" + name, resource(SCRIPTS + name, "the derive page's " + name));
            }
        } catch (IOException e) {
            problems.add(Problem.ofFile(PAGE, e.getMessage()));
            return;
        }
        var model = layout.generated(TITLE,
                "Derive your own matrix derivative in the browser: steps, verification and a link to share.", PAGE, "", List.of())
                .withEngine(engine);
        templates.render(TEMPLATE, model, problems).ifPresent(h -> files.put(PAGE, h.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * V8's explicit compile hint (Chromium 136 on): compile every function of the bundle when the worker
     * loads it, instead of each on its first call. The first derivation calls much of the engine, and in
     * DeriveBrowserBenchmark's same-run comparisons (20 fresh browsers, this busy machine) it took
     * about 150 ms instead of 260, for no measurable cost in loading. Other engines read a comment.
     * Added once: a bundle pinned from a published site already starts with it.
     */
    static final String COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

    static byte[] withCompileHint(byte[] bundle) {
        byte[] hint = COMPILE_HINT.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (java.util.Arrays.equals(bundle, 0, Math.min(hint.length, bundle.length), hint, 0, hint.length)) {
            return bundle;
        }
        byte[] out = java.util.Arrays.copyOf(hint, hint.length + bundle.length);
        System.arraycopy(bundle, 0, out, hint.length, bundle.length);
        return out;
    }

    /** The pinned bundle for this engine fingerprint, else the freshly compiled one (pinned after publishing). */
    private static byte[] pinned(Path dir, String name) throws IOException {
        Path pin = dir.resolve(name);
        if (Files.isSymbolicLink(dir) || Files.isSymbolicLink(pin)) {
            throw new IOException(PINNED_DIR + "/ must be a plain folder of the project, not a link");
        }
        if (Files.isRegularFile(pin, LinkOption.NOFOLLOW_LINKS)) {
            return Files.readAllBytes(pin);
        }
        refuseStale();
        return resource(BUNDLE, "the engine for the browser (run `mvn package`)");
    }

    /**
     * After a build is published: pins the site's engine bundle when it is not pinned yet (the first
     * build after an engine change) and drops the pins of older engines. A failed build pins nothing,
     * so it leaves the project as it was.
     *
     * @return the pinned file's name, or empty when nothing changed
     */
    public static Optional<String> pinPublished(Path root, SiteOutput out) throws IOException {
        Path dir = root.resolve(PINNED_DIR);
        for (var e : out.files().entrySet()) {
            String name = e.getKey().startsWith("derive/mcd-engine-") ? e.getKey().substring("derive/".length()) : null;
            if (name == null || Files.isRegularFile(dir.resolve(name), LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(dir)) {
                continue;
            }
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.filter(p -> p.getFileName().toString().startsWith("mcd-engine-")).toList()) {
                    Files.delete(p);
                }
            }
            AtomicFiles.write(dir.resolve(name), e.getValue());
            return Optional.of(PINNED_DIR + "/" + name);
        }
        return Optional.empty();
    }

    /**
     * Run from compiled classes (an IDE, {@code mvn compile} without TeaVM), the bundle may predate
     * the engine: refuse it when any engine class is newer. A jar is built whole by Maven, so its
     * bundle is always the one of its classes.
     */
    private static void refuseStale() throws IOException {
        URL url = DerivePage.class.getClassLoader().getResource(BUNDLE);
        if (url == null || !"file".equals(url.getProtocol())) {
            return;
        }
        try {
            Path bundle = Path.of(url.toURI());
            Path classes = bundle.getParent().getParent().getParent().getParent(); // above dev/mcd/web/
            FileTime built = Files.getLastModifiedTime(bundle);
            for (String pkg : List.of("expr", "calculus", "print", "verify", "web")) {
                Path dir = classes.resolve("dev/mcd").resolve(pkg);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> all = Files.walk(dir)) {
                    Optional<Path> newer = all.filter(p -> p.toString().endsWith(".class"))
                            .filter(p -> newerThan(p, built)).findFirst();
                    if (newer.isPresent()) {
                        throw new IOException("the engine for the browser is older than " + classes.relativize(newer.get())
                                + ": run `mvn process-classes` (TeaVM) or `mvn package`");
                    }
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // not a plain file after all: nothing to compare
        }
    }

    private static boolean newerThan(Path p, FileTime t) {
        try {
            return Files.getLastModifiedTime(p).compareTo(t) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] resource(String path, String what) throws IOException {
        try (InputStream in = DerivePage.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("cannot find " + what + " on the class path (" + path + ")");
            }
            return in.readAllBytes();
        }
    }
}
