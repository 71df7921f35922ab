package dev.mcd.site;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A content-addressed on-disk cache in front of a {@link DerivationService}: a derive block, a
 * steps chain and the identity catalogue are computed and verified once per engine version and
 * then read back, e.g. {@code .mcd-cache/derivations/3f2a….bin} for {@code x'*x} by {@code x}.
 * Failures are never cached, so a broken block is re-checked (and reported) on every build.
 */
public final class DerivationCache implements DerivationService {
    private static final int FORMAT = 3;

    private final DerivationService engine;
    private final Path dir;
    private final ConcurrentHashMap<String, Object> memory = new ConcurrentHashMap<>();

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
        String key = key("derive", r.expr(), r.wrt(), r.where(), r.expect(), r.names(), r.autoNames() ? "auto-names" : "no-auto-names");
        Optional<RenderedDerivation> hit = read(key, DerivationCache::readDerivation);
        if (hit.isPresent()) {
            return hit.get();
        }
        RenderedDerivation out = engine.derive(r);
        write(key, o -> writeDerivation(o, out));
        return out;
    }

    @Override
    public CheckedChain checkChain(ChainRequest r) throws DerivationException {
        List<String> parts = new ArrayList<>();
        parts.add("chain");
        parts.add(r.where());
        parts.add("fixed:" + r.fixed());
        parts.addAll(r.lines());
        String key = key(parts.toArray(String[]::new));
        Optional<CheckedChain> hit = read(key, in -> new CheckedChain(readStrings(in), in.readUTF()));
        if (hit.isPresent()) {
            return hit.get();
        }
        CheckedChain out = engine.checkChain(r);
        write(key, o -> {
            writeStrings(o, out.linesTex());
            o.writeUTF(out.verification());
        });
        return out;
    }

    @Override
    public List<IdentityView> identities() {
        // The entry records whether each identity was checked; the key's suffix keeps older entries out.
        String key = key("identities", "with-checked-flag");
        Optional<List<IdentityView>> hit = read(key, in -> {
            int n = in.readInt();
            List<IdentityView> views = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                views.add(new IdentityView(in.readUTF(), in.readInt(), in.readUTF(), in.readUTF(), readLong(in), in.readUTF(),
                        in.readBoolean()));
            }
            return views;
        });
        if (hit.isPresent()) {
            return hit.get();
        }
        List<IdentityView> out = engine.identities();
        write(key, o -> {
            o.writeInt(out.size());
            for (IdentityView v : out) {
                o.writeUTF(v.id());
                o.writeInt(v.number());
                o.writeUTF(v.group());
                o.writeUTF(v.name());
                writeLong(o, v.statementTex());
                o.writeUTF(v.verification());
                o.writeBoolean(v.checked());
            }
        });
        return out;
    }

    private String key(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("mcd-derivation-cache " + FORMAT + " engine " + engine.engineVersion()).getBytes(StandardCharsets.UTF_8));
            for (String p : parts) {
                byte[] b = p.getBytes(StandardCharsets.UTF_8);
                sha.update((b.length + ":").getBytes(StandardCharsets.UTF_8));
                sha.update(b);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    @FunctionalInterface
    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> read(String key, Reader<T> reader) {
        Object m = memory.get(key);
        if (m != null) {
            return Optional.of((T) m);
        }
        Path file = dir.resolve(key + ".bin");
        if (!CacheFiles.readable(file)) {
            return Optional.empty();
        }
        try (var in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            T value = reader.read(in);
            memory.put(key, value);
            return Optional.of(value);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged entry is recomputed and rewritten
        }
    }

    private void write(String key, Writer writer) {
        try {
            var bytes = new ByteArrayOutputStream();
            try (var out = new DataOutputStream(bytes)) {
                writer.write(out);
            }
            AtomicFiles.write(dir.resolve(key + ".bin"), bytes.toByteArray());
        } catch (IOException e) {
            // The cache only saves time: a folder we cannot write costs speed, never correctness.
        }
    }

    private static RenderedDerivation readDerivation(DataInputStream in) throws IOException {
        String f = readLong(in);
        String wrt = readLong(in);
        String start = readLong(in);
        int n = in.readInt();
        List<ShownStep> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String tex = readLong(in);
            String why = in.readUTF();
            List<Integer> eqs = new ArrayList<>();
            int ne = in.readInt();
            for (int k = 0; k < ne; k++) {
                eqs.add(in.readInt());
            }
            steps.add(new ShownStep(tex, why, eqs, readStrings(in)));
        }
        int readOff = in.readInt();
        String derivative = readLong(in);
        String result = readLong(in);
        String verification = in.readUTF();
        var layouts = new Layouts(readLong(in), readLong(in), readLong(in));
        return new RenderedDerivation(f, wrt, start, steps, readOff, derivative, result, verification, layouts,
                readLong(in), readLong(in));
    }

    private static void writeDerivation(DataOutputStream o, RenderedDerivation d) throws IOException {
        writeLong(o, d.functionTex());
        writeLong(o, d.wrtTex());
        writeLong(o, d.startTex());
        o.writeInt(d.steps().size());
        for (ShownStep s : d.steps()) {
            writeLong(o, s.tex());
            o.writeUTF(s.justification());
            o.writeInt(s.equations().size());
            for (int e : s.equations()) {
                o.writeInt(e);
            }
            writeStrings(o, s.facts());
        }
        o.writeInt(d.readOffEquation());
        writeLong(o, d.derivativeTex());
        writeLong(o, d.resultTex());
        o.writeUTF(d.verification());
        writeLong(o, d.layouts().numeratorTex());
        writeLong(o, d.layouts().denominatorTex());
        writeLong(o, d.layouts().mixedTex());
        writeLong(o, d.resultText());
        writeLong(o, d.numpy());
    }

    /** Strings of any length (writeUTF stops at 64 KB, and a long derivation's TeX may not). */
    private static void writeLong(DataOutputStream o, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        o.writeInt(b.length);
        o.write(b);
    }

    private static String readLong(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }

    private static void writeStrings(DataOutputStream o, List<String> list) throws IOException {
        o.writeInt(list.size());
        for (String s : list) {
            writeLong(o, s);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(readLong(in));
        }
        return out;
    }
}
