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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Hashes of compiled code. {@link #of()} covers the engine (the expr, calculus, print and verify
 * packages) and names the browser bundle; {@link #ofAnswers()} adds this package, which turns the
 * engine's answers into the records the derivation cache keeps (chains, identity tables, summaries),
 * and is part of every cache key: any change to a rule, a printer, the catalogue or the way a
 * chain is checked gives new keys, so a stale cached "verified" can never reach the site. A
 * hand-bumped version number was tried and failed once (a new catalogue entry kept the cached
 * identity table).
 */
public final class EngineFingerprint {
    private static final List<String> ENGINE = List.of("dev/mcd/expr/", "dev/mcd/calculus/", "dev/mcd/print/", "dev/mcd/verify/");
    private static final List<String> ANSWERS = Stream.concat(ENGINE.stream(), Stream.of("dev/mcd/site/engine/")).toList();
    private static final Map<List<String>, String> COMPUTED = new ConcurrentHashMap<>();

    private EngineFingerprint() {}

    /** The engine's code alone: names the browser bundle, which holds exactly these packages. */
    public static String of() {
        return COMPUTED.computeIfAbsent(ENGINE, EngineFingerprint::compute);
    }

    /** The engine's code and this package's: keys the derivation cache. */
    public static String ofAnswers() {
        return COMPUTED.computeIfAbsent(ANSWERS, EngineFingerprint::compute);
    }

    private static String compute(List<String> packages) {
        try {
            Path where = Path.of(EngineFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            TreeMap<String, byte[]> classes = Files.isDirectory(where) ? fromDirectory(where, packages) : fromJar(where, packages);
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

    private static TreeMap<String, byte[]> fromDirectory(Path root, List<String> packages) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        for (String pkg : packages) {
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

    private static TreeMap<String, byte[]> fromJar(Path jar, List<String> packages) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (var e : java.util.Collections.list(file.entries())) {
                if (!e.isDirectory() && packages.stream().anyMatch(e.getName()::startsWith)) {
                    try (InputStream in = file.getInputStream(e)) {
                        out.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return out;
    }
}
