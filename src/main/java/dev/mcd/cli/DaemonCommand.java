package dev.mcd.cli;

import dev.mcd.site.BuildFailure;
import dev.mcd.site.BuildMemo;
import dev.mcd.site.BuildStamp;
import dev.mcd.site.Environment;
import dev.mcd.site.SiteBuilder;
import dev.mcd.site.daemon.BuildDaemon;
import dev.mcd.site.daemon.DaemonClient;
import dev.mcd.site.daemon.DaemonRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mcd daemon status|stop}: the project's build daemon, which {@code ./mcd build} starts
 * and uses by itself; {@code mcd daemon run} is the daemon itself.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "Show or stop this project's build daemon (./mcd build starts it and builds through it).",
        footer = {"", "ACTION is status or stop. The daemon keeps the build's caches and JIT warm between builds, so a",
                "build after an edit re-renders only what changed. It listens on 127.0.0.1 only and answers",
                "only to the token in .mcd-cache/daemon/registry (owner-only). It stops after " + DaemonCommand.IDLE_MINUTES + " idle minutes, when",
                ".mcd-cache/ is deleted, or when the tool is rebuilt. MCD_DAEMON=off builds without it; CI never uses it.",
                "", "Examples:", "  ./mcd daemon status", "  ./mcd daemon stop --root path/to/project"})
final class DaemonCommand implements Callable<Integer> {
    /** How long a daemon waits for the next build before it stops (a constant, so that the help text can name it). */
    static final int IDLE_MINUTES = 30;
    static final Duration IDLE = Duration.ofMinutes(IDLE_MINUTES);

    @Parameters(arity = "1", paramLabel = "ACTION", description = "status, stop (run: be the daemon; ./mcd build starts it)")
    String action;

    @Option(names = "--root", defaultValue = ".", description = "project root (default: current directory)")
    Path root;

    /** How the daemon opens the engine and KaTeX (tests pass fakes). */
    Services.Factory factory = EngineServices::open;

    @Override
    public Integer call() throws Exception {
        Path dir;
        try {
            dir = root.toRealPath();
        } catch (java.io.IOException e) {
            System.err.println("mcd daemon: no such project folder: " + root);
            return 2;
        }
        var tool = BuildStamp.runningTool();
        if (tool.isEmpty()) {
            System.err.println("mcd daemon: the build daemon runs only from the tool's jar (./mcd), not from class folders");
            return 2;
        }
        switch (action) {
            case "status" -> System.out.println(DaemonClient.status(dir, tool.get()));
            case "stop" -> {
                var said = DaemonClient.stop(dir, tool.get());
                if (said.isPresent()) {
                    System.out.println(said.get());
                } else {
                    var left = DaemonRegistry.read(dir);
                    if (left.isPresent() && DaemonProcesses.kill(left.get().pid())) {
                        System.out.println("the build daemon (pid " + left.get().pid() + ") did not answer and was killed");
                    } else {
                        System.out.println("no build daemon runs for " + dir);
                    }
                }
            }
            case "run" -> {
                return run(dir, tool.get());
            }
            default -> {
                System.err.println("mcd daemon: unknown action '" + action + "': use status or stop");
                return 2;
            }
        }
        return 0;
    }

    /** Being the daemon: serve builds until stopped; what it says goes to its log (standard error). */
    private int run(Path dir, String tool) throws Exception {
        PrintStream log = System.err;
        java.util.function.Consumer<String> say = line -> log.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + line);
        try (Services services = factory.open(dir)) {
            var memo = new BuildMemo();
            var daemon = BuildDaemon.start(dir, tool, builds(services, memo), IDLE, Duration.ofSeconds(5), say);
            // Killed politely (kill, a logout): no registry left naming a closed port.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> daemon.stop("the process was asked to end"), "mcd-daemon-exit"));
            // One build into memory first: the next ./mcd build then finds the pages parsed and rendered and the JIT warm.
            daemon.warmUp(() -> {
                long t = System.nanoTime();
                try {
                    new SiteBuilder(dir, services.engine(), services.math(), memo).build();
                    warmTheEngineAndKatex(services);
                    say.accept("warmed up in " + (System.nanoTime() - t) / 1_000_000 + " ms");
                } catch (BuildFailure f) {
                    say.accept("warmed up in " + (System.nanoTime() - t) / 1_000_000 + " ms; the site has " + f.problems().size()
                            + " problem(s)");
                } catch (RuntimeException e) {
                    say.accept("warm-up failed: " + e);
                }
            });
            say.accept("stopped: " + daemon.awaitStop());
        }
        return 0;
    }

    /**
     * A build from a warm cache asks neither the engine nor KaTeX anything, so the first derivation
     * added after it would pay for loading KaTeX into GraalJS and for a cold engine (10.8 s instead of
     * about 1 s, measured): one throw-away derivation and two formulas load both while nobody waits.
     */
    private static void warmTheEngineAndKatex(Services services) {
        try {
            services.engine().derive(new dev.mcd.site.engine.DerivationService.DeriveRequest("tr(A*X*B) + log(det(X)) + x'*X*x",
                    "X", "A: matrix, B: matrix, X: matrix, x: vector", ""));
        } catch (dev.mcd.site.engine.DerivationException e) {
            // only a warm-up: the builds report their own problems
        }
        // Two formulas at once, so that each KaTeX worker loads KaTeX into its own context now.
        var renders = new java.util.ArrayList<Thread>();
        for (String tex : java.util.List.of("\\mathrm{d}\\,\\mathrm{tr}(A X B) = \\mathrm{tr}(B A\\,\\mathrm{d}X)",
                "\\frac{\\partial y}{\\partial X} = B A")) {
            renders.add(Thread.ofPlatform().start(() -> {
                try {
                    services.math().render(tex, true);
                } catch (dev.mcd.site.render.MathException e) {
                    // only a warm-up
                }
            }));
        }
        for (var t : renders) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One client's build: this process's command line, with the client's environment and output streams. */
    static BuildDaemon.Builds builds(Services services, BuildMemo memo) {
        Services.Factory shared = root -> Services.sharing(services.engine(), services.math());
        return (env, args, out, err) -> Environment.with(env, () -> {
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            System.setOut(out);
            System.setErr(err);
            try {
                return Main.run(shared, memo, args.toArray(String[]::new));
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
        });
    }
}
