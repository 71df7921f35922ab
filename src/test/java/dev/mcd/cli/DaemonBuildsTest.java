package dev.mcd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.robust.Projects;
import dev.mcd.robust.Run;
import dev.mcd.site.BuildMemo;
import dev.mcd.site.daemon.BuildDaemon;
import dev.mcd.site.daemon.DaemonClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ./mcd build} through a build daemon: which command lines go to one (a data file), and
 * that a daemon's build writes exactly what a build in a fresh process writes, after each kind
 * of edit, with the client's environment, its problems and its exit code.
 */
class DaemonBuildsTest {
    private static final String TOOL = "daemon test tool";

    @TempDir
    Path tmp;

    private SharedServices shared;
    private BuildMemo memo;
    private BuildDaemon daemon;
    private Path project;

    record Case(String args, Map<String, String> env, String expected) {
        @Override
        public String toString() {
            return args + " " + env + " -> " + expected;
        }
    }

    static Stream<Case> requests() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/daemon/requests.csv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> {
                    String[] f = l.split("\\|", -1);
                    var env = new HashMap<String, String>();
                    for (String pair : f[1].strip().split(",")) {
                        if (!pair.isBlank()) {
                            env.put(pair.substring(0, pair.indexOf('=')).strip(), pair.substring(pair.indexOf('=') + 1).strip());
                        }
                    }
                    return new Case(f[0].strip(), env, f[2].strip());
                });
    }

    @ParameterizedTest
    @MethodSource("requests")
    void onlyPlainBuildsGoToADaemon(Case c) throws IOException {
        var request = DaemonBuilds.request(c.args().split(" +"), c.env(), () -> Optional.of(TOOL));
        String got = request.map(r -> r.rebuild() ? "daemon+rebuild" : "daemon").orElse("local");
        assertEquals(c.expected(), got);
        request.ifPresent(r -> {
            assertEquals(Path.of(".").toAbsolutePath().normalize(), r.root());
            assertEquals(List.of("build", "--root", r.root().toString()), r.args().subList(0, 3));
        });
    }

    @Test
    void noToolIdentityNoDaemon() {
        assertTrue(DaemonBuilds.request(new String[] {"build"}, Map.of(), Optional::empty).isEmpty());
    }

    @Test
    void killsOnlyABuildDaemon() {
        // A registry's pid may since belong to another program: this test JVM's command line is no daemon's.
        assertFalse(DaemonProcesses.kill(ProcessHandle.current().pid()));
        assertFalse(DaemonProcesses.kill(Long.MAX_VALUE));
    }

    @BeforeEach
    void startDaemon() throws Exception {
        shared = SharedServices.install();
        project = tmp.resolve("project").toAbsolutePath();
        Projects.copyTree(Projects.repo().resolve("templates"), project.resolve("templates"));
        Files.createDirectories(project.resolve("content"));
        Files.writeString(project.resolve("content/index.md"), "---\ntitle: Home\norder: 1\n---\nThe home page, $x^T x$.\n");
        Files.writeString(project.resolve("content/trace.md"), """
                ---
                title: A trace
                order: 2
                ---
                Some prose.

                ```derive
                id: trace-1
                expr: tr(A*X)
                wrt: X
                where: A: matrix, X: matrix
                ```
                """);
        project = project.toRealPath();
        memo = new BuildMemo();
        Services services = SharedServices.factory().open(project);
        daemon = BuildDaemon.start(project, TOOL, DaemonCommand.builds(services, memo), Duration.ofMinutes(10),
                Duration.ofSeconds(5), line -> {});
    }

    @AfterEach
    void stopDaemon() {
        daemon.stop("test over");
        shared.close();
    }

    private record Result(int exit, String out, String err) {}

    private Result viaDaemon(Map<String, String> env) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var answer = DaemonClient.build(project, TOOL, env, List.of("build", "--root", project.toString()), out, err, 30_000);
        if (!(answer instanceof DaemonClient.Answer.Exit exit)) {
            throw new AssertionError("not served: " + answer);
        }
        return new Result(exit.code(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The site a fresh build of a copy of the project writes, next to what the daemon wrote. */
    private void assertSameAsFreshBuild() throws IOException {
        Path copy = Files.createTempDirectory(tmp, "fresh");
        Projects.copyTree(project.resolve("content"), copy.resolve("content"));
        Projects.copyTree(project.resolve("templates"), copy.resolve("templates"));
        Run fresh = Run.of("build", "--root", copy.toString());
        assertEquals(0, fresh.exit(), fresh::toString);
        var expected = Projects.snapshot(copy.resolve("site-output"));
        var got = Projects.snapshot(project.resolve("site-output"));
        assertEquals(expected.keySet(), got.keySet());
        for (var e : expected.entrySet()) {
            assertTrue(Arrays.equals(e.getValue(), got.get(e.getKey())), () -> e.getKey() + " differs from a fresh build's");
        }
    }

    @Test
    void aDaemonBuildWritesWhatAFreshBuildWrites() throws IOException {
        var first = viaDaemon(Map.of());
        assertEquals(0, first.exit(), first::toString);
        assertTrue(first.out().startsWith("built "), first.out());
        assertSameAsFreshBuild();

        Path page = project.resolve("content/trace.md");
        Files.writeString(page, Files.readString(page) + "\nOne more sentence.\n");
        assertEquals(0, viaDaemon(Map.of()).exit());
        assertEquals(1, memo.pagesRendered(), "a prose edit of one page rendered more than that page");
        assertSameAsFreshBuild();

        Files.writeString(page, Files.readString(page) + "\n```derive\nid: trace-2\nexpr: x'*A*x\nwrt: x\nwhere: A: matrix, x: vector\n```\n");
        assertEquals(0, viaDaemon(Map.of()).exit());
        assertSameAsFreshBuild();

        assertEquals(0, viaDaemon(Map.of()).exit());
        assertEquals(0, memo.pagesRendered(), "nothing changed, yet a page was rendered again");
        assertSameAsFreshBuild();
    }

    @Test
    void problemsComeBackWithExitOneAndTheSiteStays() throws IOException {
        assertEquals(0, viaDaemon(Map.of()).exit());
        var before = Projects.snapshot(project.resolve("site-output"));
        Path page = project.resolve("content/trace.md");
        Files.writeString(page, Files.readString(page) + "\n```derive\nexpr: tr(X\nwrt: X\nwhere: X: matrix\n```\n");
        var broken = viaDaemon(Map.of());
        assertEquals(1, broken.exit(), broken::toString);
        assertTrue(broken.err().contains("content/trace.md:"), broken.err());
        assertTrue(broken.err().contains("problem(s)"), broken.err());
        assertTrue(Projects.sameFiles(before, Projects.snapshot(project.resolve("site-output"))), "a failed build changed site-output/");
    }

    @Test
    void theClientsEnvironmentIsTheBuilds() throws IOException {
        assertEquals(0, viaDaemon(Map.of("MCD_BASE_URL", "https://docs.mcd-daemon-test.net/")).exit());
        String sitemap = Files.readString(project.resolve("site-output/sitemap.xml"));
        assertTrue(sitemap.contains("https://docs.mcd-daemon-test.net/trace.html"), sitemap);
        var bad = viaDaemon(Map.of("MCD_BASE_URL", "not a url"));
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("MCD_BASE_URL=not a url"), bad.err());
        // The daemon's own environment never leaks in: without the variable, the default (no sitemap) again.
        assertEquals(0, viaDaemon(Map.of()).exit());
        assertTrue(Files.notExists(project.resolve("site-output/sitemap.xml")));
    }
}
