package dev.mcd.site;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The KaTeX stylesheet and fonts from the webjar on the class path, keyed by their place in the
 * site: {@code katex/katex.min.css}, {@code katex/fonts/KaTeX_Main-Regular.woff2}, ...
 */
public final class KatexAssets {
    public static final String VERSION = "0.16.47";
    private static final String DIST = "META-INF/resources/webjars/katex/" + VERSION + "/dist/";

    private KatexAssets() {}

    public static Map<String, byte[]> load() throws IOException {
        var out = new TreeMap<String, byte[]>();
        var css = KatexAssets.class.getClassLoader().getResource(DIST + "katex.min.css");
        if (css == null) {
            throw new IOException("KaTeX " + VERSION + " webjar is not on the class path");
        }
        try (InputStream in = css.openStream()) {
            out.put("katex/katex.min.css", in.readAllBytes());
        }
        URI uri;
        try {
            uri = css.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (uri.getScheme().equals("jar")) {
            FileSystem fs;
            boolean mine = false;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
                mine = true;
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            try {
                copyFonts(fs.getPath("/" + DIST + "fonts"), out);
            } finally {
                if (mine) {
                    fs.close();
                }
            }
        } else {
            copyFonts(Path.of(uri).resolveSibling("fonts"), out);
        }
        return out;
    }

    private static void copyFonts(Path fonts, Map<String, byte[]> out) throws IOException {
        try (Stream<Path> s = Files.list(fonts)) {
            for (Path p : s.sorted().toList()) {
                out.put("katex/fonts/" + p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
    }
}
