package dev.mcd.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder so {@link Main} compiles; the real {@code mcd derive} is written by another helper. */
@Command(name = "derive", mixinStandardHelpOptions = true, description = "Derive an expression (see mcd derive --help).")
final class DeriveCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("mcd derive is not in this build yet");
        return 2;
    }
}
