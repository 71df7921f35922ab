package dev.mcd.cli;

import dev.mcd.site.Problems;
import dev.mcd.site.load.RefList;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code mcd refs}: every id a page can cite with {@code [](#eq:...)}, {@code #fact:...} or {@code #ex:...}. */
@Command(name = "refs", mixinStandardHelpOptions = true,
        description = "List every reference id a page can cite: identities (#eq:), helper facts (#fact:), examples (#ex:).",
        footer = {"", "Example:", "  ./mcd refs | grep chain"})
final class RefsCommand extends SiteCommand {
    @Override
    public Integer call() throws Exception {
        Path dir = projectRoot();
        if (!Files.isDirectory(dir)) {
            System.err.println("no such project folder: " + root);
            return 2;
        }
        var problems = new Problems();
        RefList list;
        try (var s = factory.open(dir)) {
            list = RefList.of(dir, s.engine(), problems);
        }
        int width = list.refs().stream().mapToInt(r -> r.anchor().length()).max().orElse(0) + 1;
        for (var r : list.refs()) {
            System.out.println(String.format("#%-" + width + "s %s", r.anchor(), r.text()).stripTrailing());
        }
        if (!problems.isEmpty()) {
            System.err.println(problems.sorted().size() + " problem(s) in the pages; `./mcd check` shows them (their examples may be missing above)");
        }
        return 0;
    }
}
