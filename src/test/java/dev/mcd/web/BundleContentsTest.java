package dev.mcd.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mcd.site.katex.KatexRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The engine compiled by TeaVM (target/classes/dev/mcd/web/mcd-engine.js) carries none of the JDK
 * machinery the engine does not use in the browser, and derive.html keeps its budget (issue 16):
 * engine + KaTeX + the page's scripts at most 300 KB gzip.
 */
class BundleContentsTest {
    private static final Path ROOT = Path.of(Optional.ofNullable(System.getenv("MCD_PROJECT_ROOT")).orElse(".")).toAbsolutePath();
    private static final Path BUNDLE = ROOT.resolve("target/classes/dev/mcd/web/mcd-engine.js");

    /** A message of each class → how it got in before (TeaVM keeps a class's strings only when the class is in). */
    private static final Map<String, String> ABSENT = Map.of(
            "Illegal format flags", "java.util.Formatter (String.format, printf, EJML's matrix toString: see web.BundleTrim)",
            "Currency not found", "java.util.Currency and the CLDR tables (Formatter, DecimalFormat)",
            "Prefix contains special character", "java.text.DecimalFormat",
            "BigInteger divide by zero", "java.math (BigDecimal: print.LatexNumbers writes decimals by hand)");

    @Test
    void theBundleLeavesOutFormattingAndLocaleData() throws IOException {
        String js = Files.readString(BUNDLE);
        // TeaVM's exports at the end of the bundle, e.g. "B.derive=D;B.verify=E;" (web.WebDerive's two calls)
        assertTrue(java.util.regex.Pattern.compile("\\.derive=[A-Za-z_$]+;").matcher(js).find()
                && java.util.regex.Pattern.compile("\\.verify=[A-Za-z_$]+;").matcher(js).find(),
                "the bundle exports derive and verify");
        ABSENT.forEach((marker, what) -> assertFalse(js.contains(marker), "the bundle carries " + what));
    }

    @Test
    void engineKatexAndPageScriptsFitThreeHundredKilobytesGzip() throws IOException {
        long engine = gzip(Files.readAllBytes(BUNDLE));
        String katex = "META-INF/resources/webjars/katex/" + KatexRenderer.KATEX_VERSION + "/dist/";
        long total = engine + gzip(resource(katex + "katex.min.js")) + gzip(resource(katex + "katex.min.css"));
        for (String name : new String[] {"derive.js", "worker.js", "derive.css"}) {
            total += gzip(resource("dev/mcd/site/derive/" + name));
        }
        assertTrue(total <= 300 * 1024, "derive.html's scripts: " + total / 1024 + " KB gzip (engine " + engine / 1024 + " KB)");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(BundleContentsTest.class.getClassLoader().getResourceAsStream(name), name)) {
            return in.readAllBytes();
        }
    }

    private static long gzip(byte[] bytes) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.size();
    }
}
