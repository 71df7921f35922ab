package dev.mcd.site.engine;

import dev.mcd.site.publish.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A content-addressed on-disk cache in front of a {@link DerivationService}: a derive block, a
 * steps chain and the identity catalogue are computed and verified once per engine fingerprint and
 * then read back, e.g. {@code .mcd-cache/derivations/3f2a….rec} for {@code x'*x} by {@code x}.
 * The key is the hash of the request record itself ({@link RecordCodec}), the entry the answer
 * record in the same encoding, so a new key of a directive reaches both without a format of its own.
 * Failures are never cached, so a broken block is re-checked (and reported) on every build.
 */
public final class DerivationCache implements DerivationService {
    private static final int FORMAT = 4;

    /** The request for the catalogue: it has no keys, its type names it. */
    record CatalogueRequest() {}

    /**
     * The catalogue as one record, so that it is stored like any other answer. Not private:
     * {@link RecordCodec} constructs it by reflection, which a private record's constructor refuses
     * (the entry was then recomputed on every build).
     */
    record Catalogue(List<IdentityView> entries) {}

    private final DerivationService engine;
    private final Path dir;
    private final ConcurrentHashMap<String, Record> memory = new ConcurrentHashMap<>();

    public DerivationCache(DerivationService engine, Path dir) {
        this.engine = engine;
        this.dir = dir;
    }

    @Override
    public String engineVersion() {
        return engine.engineVersion();
    }

    @Override
    public RenderedDerivation derive(DeriveRequest r) throws DerivationException {
        return cached(r, RenderedDerivation.class, () -> engine.derive(r));
    }

    @Override
    public CheckedChain checkChain(ChainRequest r) throws DerivationException {
        return cached(r, CheckedChain.class, () -> engine.checkChain(r));
    }

    @Override
    public List<IdentityView> identities() {
        try {
            return cached(new CatalogueRequest(), Catalogue.class, () -> new Catalogue(engine.identities())).entries();
        } catch (DerivationException e) {
            throw new IllegalStateException(e); // the catalogue is computed without requests that can fail
        }
    }

    @FunctionalInterface
    private interface Compute<R> {
        R get() throws DerivationException;
    }

    private <R extends Record> R cached(Record request, Class<R> type, Compute<R> compute) throws DerivationException {
        String key = key(request);
        Optional<R> hit = read(key, type);
        if (hit.isPresent()) {
            return hit.get();
        }
        R out = compute.get();
        write(key, out);
        return out;
    }

    private String key(Record request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String head = "mcd-derivation-cache " + FORMAT + " engine " + engine.engineVersion() + "\n"
                    + request.getClass().getSimpleName() + "\n";
            sha.update((head + RecordCodec.encode(request)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private <R extends Record> Optional<R> read(String key, Class<R> type) {
        Record m = memory.get(key);
        if (type.isInstance(m)) {
            return Optional.of(type.cast(m));
        }
        Path file = dir.resolve(key + ".rec");
        if (!CacheFiles.readable(file)) {
            return Optional.empty();
        }
        try {
            R value = RecordCodec.decode(Files.readString(file, StandardCharsets.UTF_8), type);
            memory.put(key, value);
            return Optional.of(value);
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty(); // a damaged entry is recomputed and rewritten
        }
    }

    private void write(String key, Record value) {
        try {
            AtomicFiles.write(dir.resolve(key + ".rec"), RecordCodec.encode(value).getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            // The cache only saves time: a folder we cannot write costs speed, never correctness.
        }
    }
}
