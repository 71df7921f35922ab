package dev.mcd.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder so {@link Main} compiles; the real {@code mcd serve} is written by another helper. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the site locally.")
final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("mcd serve is not in this build yet");
        return 2;
    }
}
