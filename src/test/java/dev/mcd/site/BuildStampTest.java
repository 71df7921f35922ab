package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
        site = new SiteBuilder(root, new FakeEngine(), new FakeMath()).build();
        site.publish(root);
        stamp().record(inputs(), site);
    }

    private BuildStamp stamp() {
        return new BuildStamp(root, "tool-1");
    }

    private String inputs() throws Exception {
        return stamp().inputs().orElseThrow();
    }

    @Test
    void anUnchangedProjectIsUpToDate() throws Exception {
        assertTrue(stamp().upToDate(inputs()));
        assertEquals(stamp().inputs(), stamp().inputs(), "the digest is a function of the files");
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
        String before = inputs();
        Path file = root.resolve(path);
        switch (change) {
            case "edited" -> Files.writeString(file, Files.readString(file) + " ");
            case "added" -> {
                Files.createDirectories(file.getParent());
                Files.writeString(file, "new\n");
            }
            default -> Files.delete(file);
        }
        assertNotEquals(before, inputs(), path + " " + change);
        assertFalse(stamp().upToDate(inputs()));
    }

    @Test
    void anotherToolIsAnotherInput() throws Exception {
        assertNotEquals(inputs(), new BuildStamp(root, "tool-2").inputs().orElseThrow());
        assertFalse(new BuildStamp(root, "tool-2").upToDate(new BuildStamp(root, "tool-2").inputs().orElseThrow()));
    }

    /** Caches, notes beside the project and the output itself are not inputs. */
    @ParameterizedTest
    @CsvSource({".mcd-cache/katex/abc.html", "README.md", "notes/todo.txt", "site-output-old/index.html"})
    void otherFilesAreNotInputs(String path) throws Exception {
        String before = inputs();
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), "x\n");
        assertEquals(before, inputs());
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
        Files.writeString(file, text.replaceFirst("inputs [0-9a-f]+", "inputs 00"));
        assertFalse(stamp().upToDate(inputs()));
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
        String inputs = inputs();
        try (var s = Files.walk(root.resolve(SiteOutput.DIR))) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertFalse(stamp().upToDate(inputs));
    }

    /** A link's meaning lies outside the bytes the digest reads: no digest, so every build runs. */
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
