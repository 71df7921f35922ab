package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.cli.SharedServices;
import dev.mcd.robust.Projects;
import dev.mcd.robust.Run;
import dev.mcd.site.publish.PublishLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mcd build} while another build of the same project is publishing: it says so in one
 * line, waits, then publishes a whole site; nothing is left behind.
 */
class ConcurrentBuildTest {
    @Test
    @SuppressWarnings("try") // the services are installed for the body; the lock is released early on purpose
    void aSecondBuildWaitsWithOneLine(@TempDir Path tmp) throws Exception {
        Path project = tmp.resolve("project");
        Projects.copyTree(Projects.repo().resolve("templates"), project.resolve("templates"));
        Files.createDirectories(project.resolve("content"));
        Files.writeString(project.resolve("content/index.md"), "---\ntitle: Home\n---\nHome, $x^2$.\n");
        try (var services = SharedServices.install();
             var held = PublishLock.acquire(project, line -> { })) {
            var run = CompletableFuture.supplyAsync(() -> Run.of("build", "--root", project.toString()));
            long end = System.nanoTime() + 120_000_000_000L;
            while (!PublishLock.someoneWaits(project) && !run.isDone() && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertTrue(!run.isDone(), () -> "the build did not wait while another one publishes: " + run.join());
            held.close();
            Run r = run.get();
            assertEquals(0, r.exit(), r::toString);
            assertNull(r.stackTrace(), r::toString);
            // besides the waiting line, only the note that the first build pinned the browser engine (DerivePage)
            assertEquals(List.of("mcd: " + PublishLock.WAITING),
                    r.err().lines().filter(l -> !l.startsWith("mcd: pinned the new engine's browser bundle")).toList(), r::toString);
        }
        assertTrue(Files.readString(project.resolve("site-output/index.html")).contains("Home"));
        assertEquals(List.of("content", "site-output", "templates", "web-bundle"), Projects.listing(project));
    }
}
