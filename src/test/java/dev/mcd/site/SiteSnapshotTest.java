package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mcd.site.engine.EngineFingerprint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder under {@code snapshots/} is the expected output of the example site of the same name
 * under {@code sites/}, built with the fake engine and maths: compared byte for byte, e.g.
 * {@code snapshots/ok/basics.html}. {@code files.txt} lists every output file; the contents of
 * {@code katex/} (KaTeX's own CSS and fonts), {@code assets/} (copied from templates/assets) and
 * {@code derive/} (the browser engine and its scripts) are not kept, and the engine fingerprint reads
 * {@code ENGINE}, so that an engine change alone leaves the snapshots as they are. After an intended change of the output, {@code SNAPSHOTS=overwrite mvn test
 * -Dtest=SiteSnapshotTest} (or {@code -Dsnapshots=overwrite}) writes the snapshots anew; review
 * them with {@code git diff}.
 */
class SiteSnapshotTest {
    private static final List<String> NOT_KEPT = List.of("katex/", "assets/", "derive/");

    @TempDir
    Path tmp;

    static Path snapshots() {
        return TestSites.projectRoot().resolve("src/test/resources/snapshots");
    }

    static Stream<String> snapshotSites() throws IOException {
        try (Stream<Path> s = Files.list(snapshots())) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static boolean overwrite() {
        return "overwrite".equals(System.getenv("SNAPSHOTS")) || "overwrite".equals(System.getProperty("snapshots"));
    }

    @ParameterizedTest
    @MethodSource("snapshotSites")
    void buildsExactlyItsSnapshot(String name) throws Exception {
        var out = new java.util.TreeMap<String, String>();
        new SiteBuilder(TestSites.copy(name, tmp), new FakeEngine(), new FakeMath()).build().files().forEach((file, bytes) ->
                out.put(neutral(file), neutral(new String(bytes, StandardCharsets.UTF_8))));
        Path expected = snapshots().resolve(name);
        String list = String.join("\n", out.keySet()) + "\n";
        if (overwrite()) {
            write(expected, list, out);
            return;
        }
        assertEquals(Files.readString(expected.resolve("files.txt")), list, "files.txt: the output's files");
        var kept = new ArrayList<String>();
        for (var e : out.entrySet()) {
            if (kept(e.getKey())) {
                kept.add(e.getKey());
                assertEquals(Files.readString(expected.resolve(e.getKey())), e.getValue(),
                        e.getKey() + " differs from its snapshot (SNAPSHOTS=overwrite writes it anew)");
            }
        }
        try (Stream<Path> s = Files.walk(expected)) {
            var stale = s.filter(Files::isRegularFile).map(p -> expected.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("files.txt") && !kept.contains(p)).sorted().toList();
            assertEquals(List.of(), stale, "snapshot files the build no longer writes");
        }
    }

    private static String neutral(String text) {
        return text.replace(EngineFingerprint.of(), "ENGINE");
    }

    private static boolean kept(String file) {
        return NOT_KEPT.stream().noneMatch(file::startsWith);
    }

    private static void write(Path dir, String list, Map<String, String> files) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("files.txt"), list);
        for (var e : files.entrySet()) {
            if (kept(e.getKey())) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue());
            }
        }
    }
}
