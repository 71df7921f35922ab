package dev.mcd.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Reads .github/workflows/site.yml as data and checks that GitHub runs what .ci/run runs, e.g.
 * a step {@code run: mvn -B test} after setup-java 25, and deploys Pages only from main.
 */
class WorkflowTest {

    private static final String MAIN_ONLY = "github.ref == 'refs/heads/main'";

    private static Map<String, Object> workflow;

    @BeforeAll
    static void load() throws IOException {
        String text = Files.readString(ProjectRoot.file(".github/workflows/site.yml"));
        // snakeyaml-engine reads YAML 1.2, where the key `on` stays a string (as GitHub reads it).
        workflow = map(new Load(LoadSettings.builder().build()).loadFromString(text), "workflow");
    }

    @Test
    void runsOnPushAndPullRequest() {
        Map<String, Object> on = map(workflow.get("on"), "on");
        assertTrue(on.containsKey("push"), "no push trigger: " + on.keySet());
        assertTrue(on.containsKey("pull_request"), "no pull_request trigger: " + on.keySet());
    }

    @Test
    void hasATestJobAndADeployJob() {
        assertEquals(List.of("test", "deploy"), List.copyOf(jobs().keySet()));
    }

    @Test
    void testsOnDebianAsCiDoes() {
        // Debian's chromium and chromium-driver are real packages; Ubuntu's only install the snap.
        Map<String, Object> container = map(map(jobs().get("test"), "test job").get("container"), "container");
        assertTrue(String.valueOf(container.get("image")).startsWith("debian:"), "test job is not on Debian: " + container);
    }

    @Test
    void testsOnTemurin25WithAMavenCache() {
        Map<String, Object> setup = step("test", "actions/setup-java@").orElseThrow(
                () -> new AssertionError("test job has no actions/setup-java step"));
        Map<String, Object> with = map(setup.get("with"), "setup-java with");
        assertEquals("temurin", with.get("distribution"));
        assertEquals("25", String.valueOf(with.get("java-version")));
        assertEquals("maven", with.get("cache"));
    }

    @Test
    void runsTheTestsThenChecksTheSite() {
        List<String> runs = steps("test").stream()
                .map(s -> s.get("run"))
                .filter(String.class::isInstance)
                .map(r -> ((String) r).strip())
                .toList();
        int tests = runs.indexOf("mvn -B test");
        int check = runs.indexOf("./mcd check");
        assertTrue(tests >= 0, "no `mvn -B test` step: " + runs);
        assertTrue(check > tests, "`./mcd check` must follow `mvn -B test`: " + runs);
        int install = indexOfRunContaining(runs, "chromium-driver");
        assertTrue(install >= 0 && install < tests, "chromium-driver is not installed before the tests: " + runs);
    }

    /** A forged cache entry in a pull request would skip verification: the job refuses a committed cache before restoring its own. */
    @Test
    void refusesACommittedCacheBeforeRestoringItsOwn() {
        var steps = steps("test");
        int refuse = -1;
        int restore = -1;
        for (int i = 0; i < steps.size(); i++) {
            String run = String.valueOf(steps.get(i).get("run"));
            if (run.contains("git ls-files .mcd-cache") && run.contains("exit 1")) {
                refuse = i;
            }
            if (String.valueOf(steps.get(i).get("uses")).startsWith("actions/cache")) {
                restore = i;
            }
        }
        assertTrue(refuse >= 0, "no step refuses a committed .mcd-cache/");
        assertTrue(restore < 0 || refuse < restore, "the committed-cache check must come before the cache is restored");
    }

    @Test
    void uploadsReportsAndScreenshotsEvenWhenTestsFail() {
        List<String> uploaded = steps("test").stream()
                .filter(s -> uses(s, "actions/upload-artifact@"))
                .filter(s -> "always()".equals(s.get("if")))
                .map(s -> String.valueOf(map(s.get("with"), "upload-artifact with").get("path")))
                .toList();
        assertTrue(uploaded.contains("target/surefire-reports"), "surefire reports not uploaded: " + uploaded);
        assertTrue(uploaded.contains("target/screenshots"), "screenshots not uploaded: " + uploaded);
    }

    @Test
    void deploysPagesFromMainOnly() {
        Map<String, Object> deploy = map(jobs().get("deploy"), "deploy job");
        assertTrue(String.valueOf(deploy.get("if")).contains(MAIN_ONLY), "deploy is not limited to main");
        assertEquals("test", deploy.get("needs"));
        Map<String, Object> permissions = map(deploy.get("permissions"), "deploy permissions");
        assertEquals("write", permissions.get("pages"));
        assertEquals("write", permissions.get("id-token"));
        assertEquals("github-pages", map(deploy.get("environment"), "environment").get("name"));

        List<String> actions = steps("deploy").stream()
                .map(s -> s.get("uses"))
                .filter(String.class::isInstance)
                .map(u -> ((String) u).replaceFirst("@.*", ""))
                .toList();
        int configure = actions.indexOf("actions/configure-pages");
        int upload = actions.indexOf("actions/upload-pages-artifact");
        int deployPages = actions.indexOf("actions/deploy-pages");
        assertTrue(configure >= 0 && configure < upload && upload < deployPages,
                "deploy job must configure, upload, then deploy Pages: " + actions);
        Map<String, Object> pagesArtifact = step("deploy", "actions/upload-pages-artifact@").orElseThrow();
        assertEquals("site-output", map(pagesArtifact.get("with"), "upload-pages-artifact with").get("path"));
    }

    @Test
    void deployedSiteComesFromTheCheckedBuild() {
        // The deploy job runs no build of its own: it downloads what the test job checked.
        Map<String, Object> upload = steps("test").stream()
                .filter(s -> uses(s, "actions/upload-artifact@"))
                .filter(s -> "site-output".equals(map(s.get("with"), "with").get("path")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("test job does not upload site-output"));
        assertTrue(String.valueOf(upload.get("if")).contains(MAIN_ONLY), "site upload is not limited to main");
        Object name = map(upload.get("with"), "with").get("name");
        Map<String, Object> download = step("deploy", "actions/download-artifact@").orElseThrow(
                () -> new AssertionError("deploy job does not download the site"));
        assertEquals(name, map(download.get("with"), "download-artifact with").get("name"));
    }

    private static int indexOfRunContaining(List<String> runs, String text) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, Object> jobs() {
        return map(workflow.get("jobs"), "jobs");
    }

    private static List<Map<String, Object>> steps(String job) {
        Object steps = map(jobs().get(job), job).get("steps");
        List<?> list = assertInstanceOf(List.class, steps, job + ".steps");
        return list.stream().map(s -> map(s, job + " step")).toList();
    }

    private static Optional<Map<String, Object>> step(String job, String usesPrefix) {
        return steps(job).stream().filter(s -> uses(s, usesPrefix)).findFirst();
    }

    private static boolean uses(Map<String, Object> step, String prefix) {
        return step.get("uses") instanceof String u && u.startsWith(prefix);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String what) {
        return (Map<String, Object>) assertInstanceOf(Map.class, node, what + " is not a mapping");
    }
}
