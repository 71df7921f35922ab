package dev.mcd.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every published page carries a Content-Security-Policy (templates/layout.ftlh) that a reader's
 * browser enforces before any script runs: scripts only from the site, an inline script only by
 * its SHA-256 (so editing derive.html's early start without its hash fails here, not silently in
 * a reader's browser), no inline event handlers and no javascript: links, which the policy would block.
 * LayoutBrowserTest loads every page in Chromium and fails on any console error, CSP reports included.
 */
class ContentSecurityPolicyTest {
    static Stream<String> pages() throws Exception {
        try (var s = Files.list(site())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().toList().stream();
        }
    }

    private static Path site() {
        return TestSites.projectRoot().resolve("site-output");
    }

    @ParameterizedTest
    @MethodSource("pages")
    void thePolicyComesFirstAndAllowsExactlyThePagesScripts(String page) throws Exception {
        var doc = Jsoup.parse(Files.readString(site().resolve(page), StandardCharsets.UTF_8));
        Element meta = doc.selectFirst("meta[http-equiv=Content-Security-Policy]");
        assertNotNull(meta, page + " has no Content-Security-Policy");
        assertEquals("head", meta.parent().tagName());
        Element firstScript = doc.selectFirst("script");
        if (firstScript != null) {
            assertTrue(meta.siblingIndex() < firstScript.siblingIndex() || firstScript.parent() != meta.parent(),
                    page + ": the policy must come before the first script");
        }
        String policy = meta.attr("content");
        List<String> scriptSrc = directive(policy, "script-src");
        assertEquals("'self'", scriptSrc.get(0), policy);
        assertFalse(scriptSrc.contains("'unsafe-inline'") || scriptSrc.contains("'unsafe-eval'"), policy);
        assertEquals(List.of("'none'"), directive(policy, "object-src"));

        var hashes = scriptSrc.stream().filter(s -> s.startsWith("'sha256-")).sorted().toList();
        var inline = doc.select("script:not([src])").stream().map(s -> "'sha256-" + sha256(s.data()) + "'").sorted().toList();
        assertEquals(inline, hashes, page + ": each inline script by its hash, and no other hash");

        for (Element e : doc.getAllElements()) {
            for (var a : e.attributes()) {
                assertFalse(a.getKey().toLowerCase().startsWith("on"), page + ": inline handler " + a + " on <" + e.tagName() + ">");
                assertFalse(a.getValue().strip().toLowerCase().startsWith("javascript:"), page + ": " + a);
            }
        }
    }

    private static List<String> directive(String policy, String name) {
        return Arrays.stream(policy.split(";")).map(String::strip).filter(d -> d.startsWith(name + " "))
                .map(d -> List.of(d.substring(name.length() + 1).strip().split("\\s+"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + policy));
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
