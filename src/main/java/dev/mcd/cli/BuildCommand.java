package dev.mcd.cli;

import dev.mcd.site.render.DerivePage;

import dev.mcd.site.publish.Disk;
import dev.mcd.site.Profile;
import dev.mcd.site.publish.PublishException;
import dev.mcd.site.publish.Publisher;
import dev.mcd.site.BuildStamp;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcd build}: builds {@code site-output/} from {@code content/}, or reports every problem. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Build site-output/ from content/.",
        footer = {"", "A build whose inputs (content/, templates/, mcd.yaml, web-bundle/, the tool) are unchanged since",
                "the last one, with site-output/ still holding exactly what that build wrote, has nothing to do",
                "and says so; --rebuild builds anyway.", "", "Examples:", "  ./mcd build", "  ./mcd build --rebuild",
                "  ./mcd build --root path/to/project"})
final class BuildCommand extends SiteCommand {
    @Option(names = "--rebuild", description = "build even when site-output/ is up to date with its inputs")
    boolean rebuild;

    /** The running tool's identity ({@link BuildStamp#runningTool}); empty (never skip) from class folders. */
    java.util.function.Supplier<Optional<String>> tool = BuildStamp::runningTool;

    @Override
    public Integer call() throws Exception {
        try {
            requireProject();
            var stamp = tool.get().map(t -> new BuildStamp(projectRoot(), t));
            Optional<BuildStamp.Inputs> before = stamp.isPresent() ? stamp.get().inputs() : Optional.empty();
            if (!rebuild && before.isPresent() && stamp.get().upToDate(before.get())) {
                System.out.println("site-output/ is up to date: no input changed since the last build (--rebuild builds anyway)");
                return 0;
            }
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
            // Inputs edited while this build ran may or may not be in its output: then record nothing.
            if (before.isPresent()) {
                var after = stamp.get().inputs();
                if (after.isPresent() && stamp.get().same(before.get(), after.get())) {
                    stamp.get().record(before.get());
                }
            }
            System.out.println("built " + out.files().size() + " files into site-output/");
            return 0;
        } catch (BadInput e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
