package dev.mcd.cli;

import dev.mcd.site.publish.SiteOutput;
import java.nio.file.Files;
import picocli.CommandLine.Command;

/**
 * {@code mcd check}: everything {@code build} does, into a temporary folder, then fails if the
 * committed {@code site-output/} differs from the fresh build (listing the differing files).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Build into a temporary folder and compare with the committed site-output/.",
        footer = {"", "Examples:", "  ./mcd check", "  ./mcd check --root path/to/project"})
final class CheckCommand extends SiteCommand {
    @Override
    public Integer call() throws Exception {
        try {
            var out = buildOrReport();
            if (out == null) {
                return 1;
            }
            var tmp = Files.createTempDirectory("mcd-check-");
            try {
                out.writeTo(tmp.resolve("site"));
            } finally {
                deleteQuietly(tmp);
            }
            var diff = out.differences(projectRoot().resolve(SiteOutput.DIR));
            if (!diff.isEmpty()) {
                diff.forEach(System.err::println);
                System.err.println("site-output/ is out of date (" + diff.size() + " file(s)): run ./mcd build and commit it");
                return 1;
            }
            System.out.println("site-output/ is up to date (" + out.files().size() + " files)");
            return 0;
        } catch (BadInput e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }

    private static void deleteQuietly(java.nio.file.Path dir) throws java.io.IOException {
        try (var s = Files.walk(dir)) {
            for (var p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
