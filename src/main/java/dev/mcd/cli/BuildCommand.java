package dev.mcd.cli;

import picocli.CommandLine.Command;

/** {@code mcd build}: builds {@code site-output/} from {@code content/}, or reports every problem. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Build site-output/ from content/.",
        footer = {"", "Examples:", "  ./mcd build", "  ./mcd build --root path/to/project"})
final class BuildCommand extends SiteCommand {
    @Override
    public Integer call() throws Exception {
        try {
            var out = buildOrReport();
            if (out == null) {
                return 1;
            }
            out.publish(projectRoot());
            System.out.println("built " + out.files().size() + " files into site-output/");
            return 0;
        } catch (BadInput e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
