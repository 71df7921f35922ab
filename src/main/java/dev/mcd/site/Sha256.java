package dev.mcd.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 for the build's content keys, fed in length-prefixed parts so that no two different
 * lists of parts give the same stream: {@code new Sha256().text("a").bytes(b).hex()}.
 */
public final class Sha256 {
    private final MessageDigest sha;

    public Sha256() {
        try {
            sha = MessageDigest.getInstance("SHA-256"); // every Java platform must provide it
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Sha256(MessageDigest sha) {
        this.sha = sha;
    }

    /**
     * A digest that goes on from the parts fed so far, this one unchanged: a prefix that thousands of
     * keys share (e.g. KaTeX's kilobytes of options) is hashed once.
     */
    public Sha256 copy() {
        try {
            return new Sha256((MessageDigest) sha.clone());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    public Sha256 text(String part) {
        return bytes(part.getBytes(StandardCharsets.UTF_8));
    }

    public Sha256 bytes(byte[] part) {
        sha.update((part.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(part);
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }
}
