package dev.mcd.site.katex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KatexAssetsTest {
    @Test
    void everyFontTheCssNamesIsCopiedAndNothingElse(@TempDir Path out) throws Exception {
        List<Path> written = KatexRenderer.copyAssets(out);
        String css = Files.readString(out.resolve("katex.min.css"));
        var urls = Pattern.compile("url\\(([^)]*)\\)").matcher(css).results().map(m -> m.group(1)).distinct().sorted().toList();
        assertEquals(20, urls.size(), "KaTeX 0.16 ships 20 font faces");
        for (String url : urls) {
            assertTrue(url.endsWith(".woff2"), url);
            assertTrue(Files.size(out.resolve(url)) > 1000, url);
        }
        assertEquals(urls.size() + 1, written.size());
        assertEquals(KatexRenderer.assetPaths(), written.stream().map(p -> out.relativize(p).toString().replace('\\', '/')).toList());
        assertFalse(css.contains(".ttf") || css.contains(".woff)"), "legacy font formats were dropped");
        assertTrue(css.contains(".katex-display"), "the rest of KaTeX's CSS is kept");
    }

    @Test
    void pathsAreSortedAndCopyingTwiceChangesNothing(@TempDir Path out) throws Exception {
        List<String> paths = KatexRenderer.assetPaths();
        assertEquals(paths.stream().sorted().toList(), paths);
        KatexRenderer.copyAssets(out);
        Path font = out.resolve("fonts/KaTeX_Main-Regular.woff2");
        byte[] before = Files.readAllBytes(font);
        var stamp = Files.getLastModifiedTime(font);
        Thread.sleep(20);
        KatexRenderer.copyAssets(out);
        assertEquals(stamp, Files.getLastModifiedTime(font));
        assertArrayEquals(before, Files.readAllBytes(font));
    }
}
