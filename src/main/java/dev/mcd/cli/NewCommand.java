package dev.mcd.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mcd new example logistic-loss}: scaffolds {@code content/example-logistic-loss.md} with
 * front matter and a derive block that builds at once: its id is the name, or the name with a
 * number when another block already uses it (ids are anchors, unique across the site).
 */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Scaffold a new page: new example NAME.",
        footer = {"", "Example:", "  ./mcd new example logistic-loss"})
final class NewCommand implements Callable<Integer> {
    private static final Pattern ID_LINE = Pattern.compile("(?m)^id:\\s*(\\S+)\\s*$");

    @Parameters(index = "0", description = "what to create (only: example)")
    String what;

    @Parameters(index = "1", description = "the name, lower-case words joined by '-'")
    String name;

    @Option(names = "--root", description = "project root (default: current directory)", defaultValue = ".")
    Path root;

    @Override
    public Integer call() throws Exception {
        if (!what.equals("example")) {
            System.err.println("can only create: example (got '" + what + "')");
            return 2;
        }
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            System.err.println("a name is lower-case words joined by '-', e.g. logistic-loss (got '" + name + "')");
            return 2;
        }
        Path file = root.resolve("content").resolve("example-" + name + ".md");
        if (Files.exists(file)) {
            System.err.println(file + " already exists");
            return 2;
        }
        Files.createDirectories(file.getParent());
        String id = freeId(name, usedIds(root.resolve("content")));
        Files.writeString(file, page(name, id), StandardCharsets.UTF_8);
        System.out.println("created " + file + " (derivation id: " + id + "); build it with ./mcd build or preview it with ./mcd serve");
        return 0;
    }

    /** Every {@code id:} line of every page: derive and steps blocks share one namespace of anchors. */
    static Set<String> usedIds(Path content) throws IOException {
        var ids = new TreeSet<String>();
        if (!Files.isDirectory(content)) {
            return ids;
        }
        try (Stream<Path> s = Files.list(content)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".md")).toList()) {
                ID_LINE.matcher(Files.readString(p, StandardCharsets.UTF_8)).results().forEach(m -> ids.add(m.group(1)));
            }
        }
        return ids;
    }

    static String freeId(String name, Set<String> used) {
        String id = name;
        for (int n = 2; used.contains(id); n++) {
            id = name + "-" + n;
        }
        return id;
    }

    static String page(String name, String id) {
        String words = name.replace('-', ' ');
        String title = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return """
                ---
                title: %s
                order: 100
                description: The derivative of %s, derived step by step and checked numerically.
                ---
                Say here what %s is and where it is used.

                ## Derivation

                The engine derives the block below when the site is built. Replace `expr`, `wrt` and
                `where` with your function (try it first: `./mcd derive 'tr(A*X)' --wrt X`), and add
                `expect:` with the result you claim, so that the build checks it.

                ```derive
                id: %s
                expr: tr(A*X)
                wrt: X
                where: A: matrix, X: matrix
                ```
                """.formatted(title, words, words, id);
    }
}
