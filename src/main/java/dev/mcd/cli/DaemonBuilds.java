package dev.mcd.cli;

import dev.mcd.site.BuildStamp;
import dev.mcd.site.Environment;
import dev.mcd.site.daemon.DaemonClient;
import dev.mcd.site.daemon.DaemonRegistry;
import dev.mcd.site.load.ContentLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * {@code ./mcd build} through the project's build daemon when one runs, else a build in this
 * process that then starts one for the next build. Only a plain build goes through a daemon
 * ({@code build}, {@code --rebuild}, {@code --root DIR}); everything else, a build in CI
 * ({@code CI} set), with {@code MCD_DAEMON=off}, with {@code MCD_PROFILE}, or from class folders,
 * runs here as before.
 */
final class DaemonBuilds {
    /** Set to off (or 0, false, no) to build without a daemon. */
    static final String SWITCH_ENV = "MCD_DAEMON";

    /** A build the daemon can run: the project's real path and the tool's identity. */
    record Request(Path root, String tool, boolean rebuild) {
        List<String> args() {
            var out = new ArrayList<>(List.of("build", "--root", root.toString()));
            if (rebuild) {
                out.add("--rebuild");
            }
            return out;
        }
    }

    private DaemonBuilds() {}

    /** Runs {@code args} through the daemon or with {@code local}, and answers the exit code. */
    static int run(String[] args, ToIntFunction<String[]> local) {
        var request = request(args, System.getenv(), BuildStamp::runningTool);
        if (request.isEmpty()) {
            return local.applyAsInt(args);
        }
        var r = request.get();
        var answer = DaemonClient.build(r.root(), r.tool(), Environment.ofProcess(), r.args(), System.out, System.err,
                DaemonClient.SILENCE_MS);
        if (answer instanceof DaemonClient.Answer.Exit exit) {
            return exit.code();
        }
        var unavailable = (DaemonClient.Answer.Unavailable) answer;
        if (unavailable.hung()) {
            DaemonProcesses.kill(unavailable.pid());
        }
        if (unavailable.pid() >= 0) {
            System.err.println("mcd: " + unavailable.why() + (unavailable.hung() ? " and was stopped" : "")
                    + "; building here instead");
        }
        int code = local.applyAsInt(args);
        if (code == 2) {
            return code; // a usage error: nothing for a daemon to keep warm
        }
        DaemonProcesses.start(r.root()).ifPresentOrElse(
                pid -> System.err.println("mcd: started a build daemon for this project (pid " + pid + "): the next builds reuse "
                        + "its warm state. It stops after " + DaemonCommand.IDLE.toMinutes() + " idle minutes or with "
                        + "`./mcd daemon stop`; " + SWITCH_ENV + "=off builds without it."),
                () -> System.err.println("mcd: could not start a build daemon (see " + DaemonRegistry.log(r.root()) + ")"));
        return code;
    }

    /** The build {@code args} asks for, when a daemon may run it. */
    static Optional<Request> request(String[] args, Map<String, String> env, java.util.function.Supplier<Optional<String>> tool) {
        if (args.length == 0 || !args[0].equals("build") || !daemonAllowed(env)) {
            return Optional.empty();
        }
        String root = ".";
        boolean rebuild = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--rebuild")) {
                rebuild = true;
            } else if (a.equals("--root") && i + 1 < args.length) {
                root = args[++i];
            } else if (a.startsWith("--root=")) {
                root = a.substring("--root=".length());
            } else {
                return Optional.empty(); // help, a typo: the command line's own answer
            }
        }
        Path dir;
        try {
            dir = Path.of(root).toRealPath();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the build says what is wrong with the folder
        }
        if (!Files.isDirectory(dir.resolve(ContentLoader.CONTENT))) {
            return Optional.empty(); // not a project (yet): the build says what is missing, and no daemon is kept for it
        }
        var running = tool.get();
        return running.isEmpty() ? Optional.empty() : Optional.of(new Request(dir, running.get(), rebuild));
    }

    private static boolean daemonAllowed(Map<String, String> env) {
        String ci = env.get("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0")) {
            return false; // CI builds from scratch in a fresh clone: nothing to keep warm, nothing to leave behind
        }
        if (env.containsKey("MCD_PROFILE")) {
            return false; // a profile measures a build in this process
        }
        String setting = env.getOrDefault(SWITCH_ENV, "").strip().toLowerCase(Locale.ROOT);
        return !List.of("off", "0", "false", "no").contains(setting);
    }
}
