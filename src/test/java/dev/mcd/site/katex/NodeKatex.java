package dev.mcd.site.katex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * KaTeX of the same release run by Node with the same options script, e.g.
 * {@code NodeKatex.install(Path.of("target/katex-node")).orElseThrow().render(formulas, 1)};
 * used to prove GraalJS output byte-identical and to time Node next to GraalJS.
 */
public final class NodeKatex {
    /** One formula; {@code display} selects display style. */
    public record Formula(String tex, boolean display) {
    }

    /** Node's answer: HTML, or KaTeX's error message and 1-based position. */
    public record Result(String html, String error, int position) {
    }

    /** Node's own timings: script load, first pass and per-formula time of the later passes. */
    public record Timing(double loadMs, double firstPassMs, double steadyMsPerFormula) {
    }

    public record Run(List<Result> results, Timing timing) {
    }

    private static final String SCRIPT = """
            const fs = require('fs');
            const t0 = process.hrtime.bigint();
            const katex = require(process.argv[2]);
            const render = eval(fs.readFileSync(process.argv[3], 'utf8'))(katex);
            const t1 = process.hrtime.bigint();
            const passes = Number(process.argv[6]);
            const input = fs.readFileSync(process.argv[4], 'utf8').split('\\n').filter(l => l.length > 0)
                .map(l => ({display: l[0] === 'D', tex: Buffer.from(l.slice(2), 'base64').toString('utf8')}));
            const b64 = s => Buffer.from(s, 'utf8').toString('base64');
            let out = [];
            let first = 0n, later = 0n;
            for (let p = 0; p < passes; p++) {
              const s = process.hrtime.bigint();
              const lines = input.map(f => {
                const r = render(f.tex, f.display);
                return typeof r === 'string' ? 'H ' + b64(r) : 'E ' + r.position + ' ' + b64(r.message);
              });
              const e = process.hrtime.bigint();
              if (p === 0) { first = e - s; out = lines; } else { later += e - s; }
            }
            const ms = ns => Number(ns) / 1e6;
            out.push('T ' + ms(t1 - t0) + ' ' + ms(first) + ' ' + (passes > 1 ? ms(later) / ((passes - 1) * input.length) : 0));
            fs.writeFileSync(process.argv[5], out.join('\\n') + '\\n');
            """;

    private final Path dir;

    private NodeKatex(Path dir) {
        this.dir = dir;
    }

    /** True when {@code node} and {@code npm} run; false means the caller should skip (or fail on CI). */
    public static boolean nodeAvailable() {
        return runs("node", "--version") && runs("npm", "--version");
    }

    /** Installs katex@VERSION under {@code dir} with npm unless it is there already. */
    public static NodeKatex install(Path dir) throws IOException, InterruptedException {
        Path min = dir.resolve("node_modules/katex/dist/katex.min.js");
        if (!Files.isRegularFile(min)) {
            Files.createDirectories(dir);
            var p = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix",
                    dir.toString(), "katex@" + KatexScript.VERSION).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.isRegularFile(min)) {
                throw new IOException("npm install katex@" + KatexScript.VERSION + " failed:\n" + log);
            }
        }
        return new NodeKatex(dir);
    }

    /** The katex.min.js npm installed (to compare with the webjar's). */
    public Path katexMinJs() {
        return dir.resolve("node_modules/katex/dist/katex.min.js");
    }

    public static String webjarKatexMinJs() {
        return KatexEngine.readWebjar("katex.min.js");
    }

    public Run render(List<Formula> formulas, int passes) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(dir, "run");
        Path script = work.resolve("render.js");
        Path factory = work.resolve("factory.js");
        Path in = work.resolve("in.txt");
        Path out = work.resolve("out.txt");
        Files.writeString(script, SCRIPT);
        Files.writeString(factory, KatexScript.RENDER_FACTORY);
        var sb = new StringBuilder();
        for (Formula f : formulas) {
            sb.append(f.display() ? 'D' : 'I').append(' ')
                    .append(Base64.getEncoder().encodeToString(f.tex().getBytes(StandardCharsets.UTF_8))).append('\n');
        }
        Files.writeString(in, sb);
        var p = new ProcessBuilder("node", script.toString(), katexMinJs().toAbsolutePath().toString(),
                factory.toString(), in.toString(), out.toString(), Integer.toString(passes))
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException("node failed:\n" + log);
        }
        var results = new ArrayList<Result>();
        Timing timing = null;
        for (String line : Files.readAllLines(out)) {
            String[] parts = line.split(" ");
            switch (parts[0]) {
                case "H" -> results.add(new Result(decode(parts[1]), null, 0));
                case "E" -> results.add(new Result(null, decode(parts[2]), Integer.parseInt(parts[1])));
                case "T" -> timing = new Timing(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                        Double.parseDouble(parts[3]));
                default -> throw new IOException("unexpected line from node: " + line);
            }
        }
        return new Run(List.copyOf(results), timing);
    }

    /** A node_modules folder under target/ shared by tests and the benchmark. */
    public static Path defaultDir() {
        String root = Optional.ofNullable(System.getenv("MCD_PROJECT_ROOT")).orElse(".");
        return Path.of(root, "target", "katex-node").toAbsolutePath();
    }

    private static String decode(String b64) {
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    }

    private static boolean runs(String... command) {
        try {
            var p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
