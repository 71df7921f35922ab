package dev.mcd.site;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * {@code derive.html}: the engine compiled to JavaScript (TeaVM, dev.mcd.web) running in a Web
 * Worker, e.g. {@code derive.html?expr=tr(A*X)&wrt=X}. Writes the page, its scripts, KaTeX's
 * script (the release the build renders with) and the engine as
 * {@code derive/mcd-engine-<engine fingerprint>.js}, so a new engine is a new file name and no
 * cache can serve a stale one.
 */
final class DerivePage {
    static final String PAGE = "derive.html";
    static final String TITLE = "Derive your own";
    /** The TeaVM bundle inside the jar (pom.xml, teavm-maven-plugin). */
    static final String BUNDLE = "dev/mcd/web/mcd-engine.js";
    private static final String SCRIPTS = "dev/mcd/site/derive/";

    private DerivePage() {}

    static void add(Map<String, byte[]> files, Templates templates, Layout layout, Problems problems) {
        String engine = "derive/mcd-engine-" + EngineFingerprint.of() + ".js";
        try {
            files.put(engine, resource(BUNDLE, "the engine for the browser (run `mvn package`)"));
            files.put("katex/katex.min.js", resource("META-INF/resources/webjars/katex/" + KatexAssets.VERSION
                    + "/dist/katex.min.js", "KaTeX's script"));
            for (String name : List.of("derive.js", "worker.js", "derive.css")) {
                files.put("derive/" + name, resource(SCRIPTS + name, "the derive page's " + name));
            }
        } catch (IOException e) {
            problems.add(Problem.ofFile(PAGE, e.getMessage()));
            return;
        }
        Map<String, Object> model = layout.generated(TITLE, PAGE, "", List.of());
        model.put("engine", engine);
        templates.render("derive.ftlh", model, problems).ifPresent(h -> files.put(PAGE, h.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static byte[] resource(String path, String what) throws IOException {
        try (InputStream in = DerivePage.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("cannot find " + what + " on the class path (" + path + ")");
            }
            return in.readAllBytes();
        }
    }
}
