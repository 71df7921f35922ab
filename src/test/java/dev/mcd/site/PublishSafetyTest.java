package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcd.robust.Projects;
import dev.mcd.site.publish.Disk;
import dev.mcd.site.publish.PublishException;
import dev.mcd.site.publish.PublishLock;
import dev.mcd.site.publish.Publisher;
import dev.mcd.site.publish.RenameExchange;
import dev.mcd.site.publish.SiteOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attacks on publishing: a kill at every step, a full disk, a read-only site-output/, two builds
 * at once, readers during publishes. Each must leave a complete site-output/ (old or new), one
 * line of explanation, and nothing behind that the next build does not remove.
 */
class PublishSafetyTest {
    @TempDir
    Path root;

    private final List<String> notices = new CopyOnWriteArrayList<>();

    private static SiteOutput site(String name) {
        var files = new TreeMap<String, byte[]>();
        files.put("index.html", ("<p>" + name + " home</p>").getBytes(StandardCharsets.UTF_8));
        files.put("basics.html", ("<p>" + name + " basics</p>").getBytes(StandardCharsets.UTF_8));
        files.put("katex/katex.min.css", (name + " css").getBytes(StandardCharsets.UTF_8));
        files.put("katex/fonts/a.woff2", (name + " font").getBytes(StandardCharsets.UTF_8));
        return new SiteOutput(files);
    }

    private Publisher publisher(Disk disk) {
        return new Publisher(disk, notices::add);
    }

    private SortedMap<String, byte[]> onDisk() throws IOException {
        var out = new TreeMap<String, byte[]>();
        Projects.snapshot(root.resolve(SiteOutput.DIR)).forEach((k, v) -> out.put(k.replace('\\', '/'), v));
        return out;
    }

    private boolean is(SiteOutput site) throws IOException {
        return Projects.sameFiles(site.files(), onDisk());
    }

    private List<String> leftovers() throws IOException {
        return Projects.listing(root).stream().filter(n -> n.startsWith(".site-output.")).toList();
    }

    /** How many changes an uninterrupted publish over an existing site makes. */
    private int stepsOfOnePublish(FaultyDisk template) throws IOException {
        Path other = Files.createTempDirectory(root.getParent(), "count-");
        publisher(Disk.LOCAL).publish(other, site("old"));
        publisher(template).publish(other, site("new"));
        return template.steps();
    }

    @ParameterizedTest(name = "atomic swap: {0}")
    @ValueSource(booleans = {true, false})
    void aKillAtEveryStepLeavesAWholeSiteAndTheNextBuildCleansUp(boolean swap) throws IOException {
        int steps = stepsOfOnePublish(swap ? new FaultyDisk() : new FaultyDisk().noExchange());
        assertTrue(steps >= 6, "steps " + steps);
        for (int k = 0; k < steps; k++) {
            Files.createDirectories(root);
            publisher(Disk.LOCAL).publish(root, site("old"));
            var killed = swap ? new FaultyDisk().killAt(k) : new FaultyDisk().killAt(k).noExchange();
            final int step = k;
            assertThrows(FaultyDisk.Killed.class, () -> publisher(killed).publish(root, site("new")), "step " + k);
            if (swap) {
                assertTrue(is(site("old")) || is(site("new")), () -> "killed at step " + step + ": site-output/ is neither whole site");
            }
            // The next build (here: the next publish) repairs and cleans up whatever the kill left.
            publisher(Disk.LOCAL).recover(root);
            assertTrue(is(site("old")) || is(site("new")), () -> "after recovery from step " + step + ": neither whole site");
            assertEquals(List.of(), leftovers(), "step " + k);
            publisher(Disk.LOCAL).publish(root, site("newer"));
            assertTrue(is(site("newer")));
            assertEquals(List.of(), leftovers());
        }
    }

    @Test
    void aFullDiskIsOneLineAndTheOldSiteStays() throws IOException {
        publisher(Disk.LOCAL).publish(root, site("old"));
        var e = assertThrows(PublishException.class, () -> publisher(new FaultyDisk().fullAt(3)).publish(root, site("new")));
        assertEquals("cannot write the new site: no space left on device; site-output/ is unchanged", e.getMessage());
        assertTrue(is(site("old")));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aReadOnlySiteOutputIsRefusedBeforeAnythingChanges() throws IOException {
        publisher(Disk.LOCAL).publish(root, site("old"));
        var e = assertThrows(PublishException.class, () -> publisher(new FaultyDisk().readOnlyOutput()).publish(root, site("new")));
        assertTrue(e.getMessage().startsWith("cannot replace site-output/: read-only folder (site-output/katex); it is unchanged"),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(is(site("old")));
        assertEquals(List.of(), leftovers());
    }

    /** The same with real permissions; root ignores them, so this runs only for other users. */
    @Test
    void aReallyReadOnlySiteOutput() throws IOException {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root may write anywhere");
        publisher(Disk.LOCAL).publish(root, site("old"));
        Path katex = root.resolve("site-output/katex");
        Files.setPosixFilePermissions(katex, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            var e = assertThrows(PublishException.class, () -> publisher(Disk.LOCAL).publish(root, site("new")));
            assertTrue(e.getMessage().startsWith("cannot replace site-output/"), e.getMessage());
            assertTrue(is(site("old")));
        } finally {
            Files.setPosixFilePermissions(katex, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aSecondPublishWaitsWithOneLineAndNeitherIsMixed() throws Exception {
        publisher(Disk.LOCAL).publish(root, site("old"));
        try (var pool = Executors.newFixedThreadPool(2)) {
            Future<?> a = pool.submit(() -> {
                publisher(new FaultyDisk().slowWrites(100)).publish(root, site("first"));
                return null;
            });
            // B starts once A is writing (under the lock): its .new- folder has appeared.
            long end = System.nanoTime() + 30_000_000_000L;
            while (leftovers().isEmpty() && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            Future<?> b = pool.submit(() -> {
                publisher(Disk.LOCAL).publish(root, site("second"));
                return null;
            });
            a.get();
            b.get();
        }
        assertEquals(List.of(PublishLock.WAITING), notices);
        assertTrue(is(site("second")), "the later publish wins, whole");
        assertEquals(List.of(), leftovers());
    }

    /** Readers of site-output/ during 40 publishes never miss a file and never see a mix. */
    @Test
    void readersAlwaysFindACompleteSite() throws Exception {
        publisher(Disk.LOCAL).publish(root, site("A"));
        Path probeA = Files.createDirectories(root.getParent().resolve("probe-a"));
        Path probeB = Files.createDirectories(root.getParent().resolve("probe-b"));
        assumeTrue(RenameExchange.exchange(probeA, probeB), "this file system cannot swap atomically");
        var stop = new AtomicBoolean();
        var reads = new AtomicInteger();
        var bad = new CopyOnWriteArrayList<String>();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
                try {
                    String home = Files.readString(root.resolve("site-output/index.html"));
                    if (!home.equals("<p>A home</p>") && !home.equals("<p>B home</p>")) {
                        bad.add("torn: " + home);
                    }
                    reads.incrementAndGet();
                } catch (IOException e) {
                    bad.add(e.toString());
                }
            }
        });
        for (int i = 0; i < 40; i++) {
            publisher(Disk.LOCAL).publish(root, site(i % 2 == 0 ? "B" : "A"));
        }
        stop.set(true);
        reader.join();
        assertTrue(reads.get() > 100, "reads " + reads);
        assertEquals(List.of(), bad.stream().limit(5).toList(), bad.size() + " failed reads of " + reads);
        assertEquals(List.of(), leftovers());
    }

    @Test
    void leftoversAreIgnoredByGit() throws IOException {
        var ignore = Files.readAllLines(Projects.repo().resolve(".gitignore"));
        assertTrue(ignore.contains(".site-output.new-*/") && ignore.contains(".site-output.old-*/"), ignore.toString());
    }
}
