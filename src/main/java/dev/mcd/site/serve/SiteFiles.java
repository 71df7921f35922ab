package dev.mcd.site.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Maps raw request paths to files under one folder and refuses anything that could leave it, e.g.
 * {@code lookup("/%2e%2e/secret")} is Forbidden: dot segments are rejected after percent-decoding,
 * and the real path (symlinks resolved) must stay under the real root.
 */
final class SiteFiles {
    private final Path root;

    SiteFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Lookup lookup(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return new Lookup.BadRequest("path must start with /");
        }
        String path;
        try {
            path = decode(rawPath);
        } catch (IllegalArgumentException e) {
            return new Lookup.BadRequest(e.getMessage());
        }
        if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            return new Lookup.Forbidden("backslash or NUL in path");
        }
        Path target = root;
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals("..") || segment.equals(".")) {
                return new Lookup.Forbidden("dot segment in path");
            }
            if (segment.contains(":")) {
                return new Lookup.Forbidden("colon in path segment");
            }
            target = target.resolve(segment);
        }
        if (!target.normalize().startsWith(root)) {
            return new Lookup.Forbidden("outside the site");
        }
        if (Files.isDirectory(target)) {
            if (!path.endsWith("/")) {
                return new Lookup.Redirect(rawPath + "/");
            }
            target = target.resolve("index.html");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return new Lookup.Missing();
        }
        try {
            // A symlink inside the site may point anywhere; only what really lies under the root is served.
            Path real = target.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                return new Lookup.Forbidden("link leads outside the site");
            }
            return Files.isRegularFile(real) ? new Lookup.Found(real) : new Lookup.Missing();
        } catch (IOException e) {
            return new Lookup.Missing();
        }
    }

    /** For messages only: the decoded path, or the raw one when it does not decode. */
    static String decodeOrRaw(String raw) {
        try {
            return decode(raw);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    /** Strict percent-decoding to UTF-8 ('+' stays '+', as in a path). */
    static String decode(String raw) {
        var bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("truncated percent escape");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad percent escape");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("path is not UTF-8");
        }
    }
}
