package dev.mcd.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewSessionTest {
    /** A stand-in pipeline: each content/*.md becomes a page; "BROKEN" fails the build, "THROW" crashes it. */
    static BuildOutcome fakeBuild(Path project, Path out) {
        try (var files = Files.list(project.resolve("content"))) {
            for (Path md : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String text = Files.readString(md);
                if (text.contains("THROW")) {
                    throw new IllegalStateException("pipeline bug");
                }
                if (text.contains("BROKEN")) {
                    return new BuildOutcome.Failed("content/" + md.getFileName() + ":1:1: broken <here>");
                }
                String name = md.getFileName().toString().replace(".md", ".html");
                Files.writeString(out.resolve(name), "<html><body><p>" + text.strip() + "</p></body></html>");
            }
            return new BuildOutcome.Built("ok");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void editsRebuildBrokenEditsShowTheErrorAndTheServerSurvives(@TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("project");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.createDirectories(project.resolve("content"));
        Files.createDirectories(project.resolve("templates"));
        Files.writeString(project.resolve("content/index.md"), "first");
        List<Set<Path>> calls = new CopyOnWriteArrayList<>();
        Rebuilder rebuilder = (changed, into) -> {
            calls.add(changed);
            return fakeBuild(project, into);
        };
        var log = new ByteArrayOutputStream();
        try (var session = PreviewSession.start(project, out, 0, rebuilder, new PrintStream(log, true, StandardCharsets.UTF_8))) {
            int port = session.server().port();
            assertEquals(Set.of(), calls.getFirst(), "start-up builds everything");
            assertTrue(RawHttp.get(port, "/index.html").body().contains("<p>first</p>"));

            Files.writeString(project.resolve("content/index.md"), "second");
            await(() -> RawHttp.get(port, "/index.html").body().contains("<p>second</p>"));
            assertTrue(calls.getLast().contains(project.resolve("content/index.md").toAbsolutePath()), calls.toString());

            Files.writeString(project.resolve("content/index.md"), "BROKEN");
            await(() -> RawHttp.get(port, "/index.html").status() == 500);
            assertTrue(RawHttp.get(port, "/index.html").body().contains("content/index.md:1:1: broken &lt;here&gt;"));

            Files.writeString(project.resolve("content/index.md"), "THROW");
            await(() -> RawHttp.get(port, "/index.html").body().contains("pipeline bug"));

            Files.createDirectories(project.resolve("templates/partials"));
            Files.writeString(project.resolve("content/index.md"), "fixed");
            await(() -> RawHttp.get(port, "/index.html").body().contains("<p>fixed</p>"));
            Files.writeString(project.resolve("templates/partials/head.ftlh"), "x");
            await(() -> calls.stream().anyMatch(c -> c.contains(project.resolve("templates/partials/head.ftlh").toAbsolutePath())));
        }
        String console = log.toString(StandardCharsets.UTF_8);
        assertTrue(console.contains("build failed:\ncontent/index.md:1:1: broken <here>"), console);
    }

    @Test
    void editorDropFilesAreIgnored() {
        assertTrue(SourceWatcher.ignored(Path.of("content/.intro.md.swp")));
        assertTrue(SourceWatcher.ignored(Path.of("content/intro.md~")));
        assertTrue(SourceWatcher.ignored(Path.of("content/.#intro.md")));
        assertTrue(!SourceWatcher.ignored(Path.of("content/intro.md")));
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void await(Check check) throws Exception {
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("condition not met within 20 s");
    }
}
