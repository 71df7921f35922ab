package dev.mcd.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mcd new example quadratic-form}: scaffolds {@code content/example-quadratic-form.md}
 * with front matter and a derive block that builds.
 */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Scaffold a new page: new example NAME.")
final class NewCommand implements Callable<Integer> {
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
            System.err.println("a name is lower-case words joined by '-', e.g. quadratic-form (got '" + name + "')");
            return 2;
        }
        Path file = root.resolve("content").resolve("example-" + name + ".md");
        if (Files.exists(file)) {
            System.err.println(file + " already exists");
            return 2;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, page(name), StandardCharsets.UTF_8);
        System.out.println("created " + file);
        return 0;
    }

    static String page(String name) {
        String title = Character.toUpperCase(name.charAt(0)) + name.substring(1).replace('-', ' ');
        return """
                ---
                title: %s
                order: 100
                description: A worked example.
                ---
                ## The function

                We differentiate the quadratic form $f(\\mathbf{x}) = \\mathbf{x}^T A \\mathbf{x}$.

                ```derive
                id: %s
                expr: x'*A*x
                wrt: x
                where: A: matrix, x: vector
                ```
                """.formatted(title, name);
    }
}
