package dev.mcd.cli;

import dev.mcd.site.render.DerivePage;

import dev.mcd.site.publish.Disk;
import dev.mcd.site.Profile;
import dev.mcd.site.publish.PublishException;
import dev.mcd.site.publish.Publisher;
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
            long t = Profile.start();
            try {
                new Publisher(Disk.LOCAL, line -> System.err.println("mcd: " + line)).publish(projectRoot(), out);
            } catch (PublishException e) {
                System.err.println("mcd build: " + e.getMessage());
                return 1;
            }
            Profile.since("wall.5 write", t);
            DerivePage.pinPublished(projectRoot(), out)
                    .ifPresent(pin -> System.err.println("mcd: pinned the new engine's browser bundle as " + pin + "; commit it with site-output/"));
            System.out.println("built " + out.files().size() + " files into site-output/");
            return 0;
        } catch (BadInput e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
