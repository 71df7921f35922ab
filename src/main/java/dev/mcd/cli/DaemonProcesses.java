package dev.mcd.cli;

import dev.mcd.site.daemon.DaemonRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Starting a project's build daemon as a process of its own, and stopping one that no longer answers. */
final class DaemonProcesses {
    /** What {@code ps} shows of a daemon: how a pid read from a registry is known to be ours before it is killed. */
    static final String MARK = "dev.mcd.cli.Main daemon run";

    /**
     * The daemon's JVM: the launcher's required options; the JIT's and collector's defaults (C2),
     * since it lives for many builds, as {@code mcd serve} does; a heap limit, so that an idle
     * daemon never holds much of the machine.
     */
    static final List<String> JVM_OPTIONS = List.of("--enable-native-access=ALL-UNNAMED", "-Dpolyglot.engine.WarnInterpreterOnly=false",
            "-Xss8m", "-Xmx2g", "-XX:+UseSerialGC");

    private DaemonProcesses() {}

    /**
     * Starts {@code root}'s daemon with this JVM and this jar, detached from the terminal (its own
     * session where {@code setsid} exists, so Ctrl-C on a later build does not reach it), its output
     * in its log; answers its pid, or empty when it could not be started.
     */
    static Optional<Long> start(Path root) {
        try {
            var java = ProcessHandle.current().info().command();
            var source = DaemonProcesses.class.getProtectionDomain().getCodeSource();
            if (java.isEmpty() || source == null) {
                return Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI());
            var cmd = new ArrayList<String>();
            for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
                if (Files.isExecutable(Path.of(setsid))) {
                    cmd.add(setsid);
                    break;
                }
            }
            cmd.add(java.get());
            if (Runtime.version().feature() >= 23) {
                cmd.add("--sun-misc-unsafe-memory-access=allow"); // GraalJS's, as in the launcher
            }
            cmd.addAll(JVM_OPTIONS);
            cmd.addAll(List.of("-cp", jar.toString(), "dev.mcd.cli.Main", "daemon", "run", "--root", root.toString()));
            Files.createDirectories(DaemonRegistry.folder(root));
            Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(DaemonRegistry.log(root).toFile()).start();
            p.getOutputStream().close();
            return Optional.of(p.pid());
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stops process {@code pid} if it is a build daemon (a registry's pid may since belong to another program). */
    static boolean kill(long pid) {
        return ProcessHandle.of(pid)
                .filter(h -> h.info().commandLine().map(c -> c.contains(MARK)).orElse(false))
                .map(ProcessHandle::destroyForcibly).orElse(false);
    }
}
