package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.site.publish.SiteOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code mcd build}'s up-to-date check (issue 14): a stamp vouches for site-output/ only while
 * every input hashes the same and the folder still holds exactly the files the stamped build
 * wrote; anything else — an input edited, the output touched, a stamp from elsewhere — builds.
 */
class BuildStampTest {
    @TempDir
    Path tmp;

    private Path root;

    private SiteOutput site;

    @BeforeEach
    void publishedBuild() throws Exception {
        root = TestSites.copy("ok", tmp);
        // Files older than the racy window, as in a project edited minutes ago: their times are trusted.
        var old = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
        try (var s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, old);
            }
        }
        site = new SiteBuilder(root, new FakeEngine(), new FakeMath()).build();
        site.publish(root);
        stamp().record(inputs());
    }

    private BuildStamp stamp() {
        return new BuildStamp(root, "tool-1");
    }

    private BuildStamp.Inputs inputs() throws Exception {
        return stamp().inputs().orElseThrow();
    }

    @Test
    void anUnchangedProjectIsUpToDate() throws Exception {
        assertTrue(stamp().upToDate(inputs()));
        assertTrue(inputs().files().stream().allMatch(f -> f.sha().equals("-")), "old files are compared by size and time");
    }

    /** A file saved within the file system's clock tick may keep its time: such a file is compared by content. */
    @Test
    void aRecentFileIsComparedByContent() throws Exception {
        Path page = root.resolve("content/basics.md");
        var time = java.nio.file.attribute.FileTime.from(java.time.Instant.now());
        Files.setLastModifiedTime(page, time);
        stamp().record(inputs());
        assertTrue(stamp().upToDate(inputs()));
        String text = Files.readString(page);
        Files.writeString(page, text.replace('e', 'f')); // same size
        Files.setLastModifiedTime(page, time);
        assertFalse(stamp().upToDate(inputs()), "same size and time, other bytes");
    }

    /** Each of the build's inputs, edited, added or removed, changes the digest. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            content/basics.md          | edited
            content/new-page.md        | added
            content/index.md           | removed
            templates/page.ftlh        | edited
            templates/assets/mcd.css   | edited
            templates/assets/extra.js  | added
            mcd.yaml                   | edited
            mcd.yaml                   | removed
            web-bundle/mcd-engine-x.js | added
            """)
    void everyInputCounts(String path, String change) throws Exception {
        var before = inputs();
        Path file = root.resolve(path);
        switch (change) {
            case "edited" -> Files.writeString(file, Files.readString(file) + " ");
            case "added" -> {
                Files.createDirectories(file.getParent());
                Files.writeString(file, "new\n");
            }
            default -> Files.delete(file);
        }
        assertFalse(stamp().same(before, inputs()), path + " " + change);
        assertFalse(stamp().upToDate(inputs()));
    }

    @Test
    void anotherToolIsAnotherInput() throws Exception {
        assertFalse(stamp().same(inputs(), new BuildStamp(root, "tool-2").inputs().orElseThrow()));
        assertFalse(new BuildStamp(root, "tool-2").upToDate(new BuildStamp(root, "tool-2").inputs().orElseThrow()));
    }

    /** Caches, notes beside the project and the output itself are not inputs. */
    @ParameterizedTest
    @CsvSource({".mcd-cache/katex/abc.html", "README.md", "notes/todo.txt", "site-output-old/index.html"})
    void otherFilesAreNotInputs(String path) throws Exception {
        var before = inputs();
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), "x\n");
        assertTrue(stamp().same(before, inputs()));
        assertTrue(stamp().upToDate(inputs()));
    }

    /** The stamp is checked against the bytes on disk on every use. */
    @ParameterizedTest
    @CsvSource({"edited", "added", "removed"})
    void aTouchedOutputIsNotUpToDate(String change) throws Exception {
        Path out = root.resolve(SiteOutput.DIR);
        switch (change) {
            case "edited" -> Files.writeString(out.resolve("index.html"), "<p>hand-edited</p>");
            case "added" -> Files.writeString(out.resolve("stray.html"), "<p>stray</p>");
            default -> Files.delete(out.resolve("basics.html"));
        }
        assertFalse(stamp().upToDate(inputs()));
    }

    @Test
    void aSameSizedEditOfTheOutputIsSeen() throws Exception {
        Path index = root.resolve(SiteOutput.DIR).resolve("index.html");
        byte[] bytes = Files.readAllBytes(index);
        bytes[bytes.length / 2] ^= 1;
        Files.write(index, bytes);
        assertFalse(stamp().upToDate(inputs()));
    }

    @Test
    void aMissingOrForeignStampIsNotUpToDate() throws Exception {
        Path file = root.resolve(BuildStamp.FILE);
        String text = Files.readString(file);
        Files.writeString(file, text.replaceFirst("tool tool-1", "tool tool-0"));
        assertFalse(stamp().upToDate(inputs()));
        Files.writeString(file, text.replaceFirst("\nin ", "\nin x"));
        assertFalse(stamp().upToDate(inputs()), "a garbled line");
        Files.writeString(file, text + "stray line\n");
        assertFalse(stamp().upToDate(inputs()));
        Files.writeString(file, text);
        assertTrue(stamp().upToDate(inputs()));
        Files.writeString(file, "mcd-site-stamp 0\n" + text.substring(text.indexOf('\n') + 1));
        assertFalse(stamp().upToDate(inputs()));
        Files.writeString(file, "");
        assertFalse(stamp().upToDate(inputs()));
        Files.delete(file);
        assertFalse(stamp().upToDate(inputs()));
        Files.createDirectories(file);
        assertFalse(stamp().upToDate(inputs()), "a folder where the stamp should be");
    }

    @Test
    void noOutputFolderIsNotUpToDate() throws Exception {
        var inputs = inputs();
        try (var s = Files.walk(root.resolve(SiteOutput.DIR))) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertFalse(stamp().upToDate(inputs));
    }

    /** A link's meaning lies outside the bytes the stamp sees: no stamp, so every build runs. */
    @Test
    void aSymbolicLinkAmongTheInputsMeansNoDigest() throws Exception {
        Files.writeString(root.resolve("elsewhere.md"), "---\ntitle: Elsewhere\n---\n\nText.\n");
        Files.createSymbolicLink(root.resolve("content/linked.md"), root.resolve("elsewhere.md"));
        assertEquals(Optional.empty(), stamp().inputs());
    }

    @Test
    void classFoldersHaveNoToolIdentity() {
        // The tests run from target/classes, not from a jar: the CLI then never skips a build.
        assertEquals(Optional.empty(), BuildStamp.runningTool());
    }
}
