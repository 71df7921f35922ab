package dev.mcd.site.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A hash of the engine's compiled code (the expr, calculus, print and verify packages), part of
 * every derivation-cache key: any change to a rule, a printer or the catalogue gives new keys, so
 * a stale cached derivation can never reach the site. A hand-bumped version number was tried and
 * failed once (a new catalogue entry kept the cached identity table).
 */
public final class EngineFingerprint {
    private static final List<String> PACKAGES = List.of("dev/mcd/expr/", "dev/mcd/calculus/", "dev/mcd/print/", "dev/mcd/verify/");
    private static volatile String cached;

    private EngineFingerprint() {}

    public static String of() {
        String f = cached;
        if (f == null) {
            f = compute();
            cached = f;
        }
        return f;
    }

    private static String compute() {
        try {
            Path where = Path.of(EngineFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            TreeMap<String, byte[]> classes = Files.isDirectory(where) ? fromDirectory(where) : fromJar(where);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            classes.forEach((name, bytes) -> {
                sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(bytes);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            // Without a fingerprint every build recomputes: slower, never stale.
            return "unknown-" + System.nanoTime();
        }
    }

    private static TreeMap<String, byte[]> fromDirectory(Path root) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        for (String pkg : PACKAGES) {
            Path dir = root.resolve(pkg);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    private static TreeMap<String, byte[]> fromJar(Path jar) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (var e : java.util.Collections.list(file.entries())) {
                if (!e.isDirectory() && PACKAGES.stream().anyMatch(e.getName()::startsWith)) {
                    try (InputStream in = file.getInputStream(e)) {
                        out.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return out;
    }
}
