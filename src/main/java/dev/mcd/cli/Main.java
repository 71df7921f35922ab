package dev.mcd.cli;

import dev.mcd.site.BuildMemo;
import dev.mcd.site.Profile;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mcd} command: {@code mcd build}, {@code mcd check}, {@code mcd new example NAME},
 * {@code mcd derive}, {@code mcd serve}, {@code mcd daemon}. Exit codes: 0 ok, 1 build problems, 2 usage or bad input.
 */
@Command(name = "mcd", mixinStandardHelpOptions = true, version = "mcd 0.1.0",
        description = "Builds the verified matrix-calculus tutorial site.",
        subcommands = {BuildCommand.class, CheckCommand.class, NewCommand.class, DeriveCommand.class, RefsCommand.class,
                DaemonCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (Profile.enabled()) {
            // From the process's start (JVM boot included) to here, then to the end.
            long boot = System.currentTimeMillis() - ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis());
            Profile.since("wall.0 jvm start to main", System.nanoTime() - boot * 1_000_000);
            long t = System.nanoTime();
            int code = run(args);
            Profile.since("wall.total after main", t);
            Profile.processCpu("process (all threads)");
            System.err.print(Profile.report());
            System.exit(code);
        }
        // A plain `build` goes through the project's build daemon when one runs (and starts one when none does).
        System.exit(DaemonBuilds.run(args, Main::run));
    }

    /** Runs the command line with the real engine and KaTeX and returns its exit code. */
    public static int run(String... args) {
        return run(EngineServices::open, args);
    }

    /** Runs the command line with {@code services} for every command that builds (tests pass shared ones). */
    public static int run(Services.Factory services, String... args) {
        return run(services, null, args);
    }

    /** As above, with a {@link BuildMemo} kept across builds (the build daemon's), or null for none. */
    static int run(Services.Factory services, BuildMemo memo, String... args) {
        return new CommandLine(new Main(), commands(services, memo))
                .addSubcommand("serve", new ServeCommand(PreviewBuilds.production(services)))
                // an expression may start with '-': mcd derive '-log(det(X))' --wrt X
                .setUnmatchedOptionsArePositionalParams(true)
                .setExecutionExceptionHandler(Main::unexpected)
                .execute(args);
    }

    /** Picocli's factory, handing {@code services} to each command that builds the site. */
    private static CommandLine.IFactory commands(Services.Factory services, BuildMemo memo) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K command = defaults.create(type);
                if (command instanceof SiteCommand c) {
                    c.factory = services;
                    c.memo = memo;
                } else if (command instanceof DaemonCommand d) {
                    d.factory = services;
                }
                return command;
            }
        };
    }

    /**
     * No stack trace reaches a user: an error no command expected (a full disk while checking, a
     * bug) is one line naming what happened, exit 1.
     */
    private static int unexpected(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        String what = e instanceof java.io.IOException ? "input/output error" : "internal error";
        String detail = e.getMessage() == null ? e.getClass().getSimpleName().replaceAll("(Exception|Error)$", "") : e.getMessage();
        cmd.getErr().println("mcd " + cmd.getCommandName() + ": " + what + ": " + detail.lines().findFirst().orElse(""));
        cmd.getErr().flush();
        return 1;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed");
    }
}
