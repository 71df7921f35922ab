package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.site.publish.SiteOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ok} example site: determinism and atomic publishing (what it contains: {@link SiteSnapshotTest}). */
class SiteBuilderTest {
    @TempDir
    Path tmp;

    private SiteOutput build(Path site) throws BuildFailure {
        return new SiteBuilder(site, new FakeEngine(), new FakeMath()).build();
    }

    @Test
    void twoBuildsAreByteIdentical() throws Exception {
        var a = build(TestSites.copy("ok", tmp.resolve("a")));
        var b = build(TestSites.copy("ok", tmp.resolve("b")));
        assertEquals(a.files().keySet(), b.files().keySet());
        for (String k : a.files().keySet()) {
            assertArrayEquals(a.files().get(k), b.files().get(k), k);
        }
    }

    @Test
    void aFailedBuildLeavesThePreviousOutput() throws Exception {
        Path site = TestSites.copy("ok", tmp);
        build(site).publish(site);
        Path index = site.resolve("site-output/index.html");
        byte[] before = Files.readAllBytes(index);
        Files.writeString(site.resolve("content/basics.md"), "---\ntitle: Basics\n---\nSee [](#eq:nope).\n");
        assertThrows(BuildFailure.class, () -> build(site));
        assertArrayEquals(before, Files.readAllBytes(index));
        assertEquals(List.of(), build(TestSites.copy("ok", tmp.resolve("again"))).differences(site.resolve("site-output")));
        try (var s = Files.list(site)) {
            assertEquals(List.of("content", "mcd.yaml", "site-output", "templates"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aSymlinkOutOfTheProjectIsRefused() throws Exception {
        Path site = TestSites.copy("ok", tmp.resolve("site"));
        Path secret = Files.writeString(tmp.resolve("secret.md"), "---\ntitle: Secret\n---\n");
        Files.createSymbolicLink(site.resolve("content/secret.md"), secret);
        var failure = assertThrows(BuildFailure.class, () -> build(site));
        assertEquals(1, failure.problems().size(), failure.render());
        assertTrue(failure.render().startsWith("content/secret.md: path escapes the project"), failure.render());
    }
}
