package dev.mcd.cli;

import dev.mcd.site.BuildFailure;
import dev.mcd.site.BuildMemo;
import dev.mcd.site.SiteBuilder;
import dev.mcd.site.publish.SiteOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** What {@code build} and {@code check} share: {@code --root} and running the site builder. */
abstract class SiteCommand implements Callable<Integer> {
    /** How this command opens the engine and KaTeX, set by {@link Main#run(Services.Factory, String...)}. */
    Services.Factory factory = EngineServices::open;

    /** Pages parsed and rendered by earlier builds in this process (the build daemon's), or null. */
    BuildMemo memo;

    @Option(names = "--root", description = "project root (default: current directory)", defaultValue = ".")
    Path root;

    /** The site, or null after printing every problem. */
    SiteOutput buildOrReport() throws Exception {
        Path dir = requireProject();
        try (Services s = factory.open(dir)) {
            return new SiteBuilder(dir, s.engine(), s.math(), memo).build();
        } catch (BuildFailure f) {
            System.err.println(f.render());
            System.err.println(f.problems().size() + " problem(s)");
            return null;
        }
    }

    /** The project folder, or BadInput when there is none. */
    Path requireProject() throws BadInput {
        Path dir = projectRoot();
        if (!Files.isDirectory(dir)) {
            throw new BadInput("no such project folder: " + root);
        }
        return dir;
    }

    Path projectRoot() {
        return root.toAbsolutePath().normalize();
    }

    /** Bad command-line input: exit code 2. */
    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }
}
