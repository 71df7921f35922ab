package dev.mcd.site;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where a build's time goes, per phase, e.g. {@code MCD_PROFILE=1 ./mcd build} prints
 * {@code mcd profile: katex.render 2,310 ms (1,219 calls)} lines to stderr. Off by default: then
 * every call is one volatile read. Times are summed over threads, so phases that overlap (pages
 * render two at a time, KaTeX on its own workers) add up to more than the wall clock; the wall
 * clock of each whole stage is recorded as its own phase ({@code wall.*}). Each phase also gets the
 * CPU time of the thread that ran it: on a shared machine wall clocks stretch with the load, CPU
 * times much less (KaTeX's own workers are counted in {@code katex.*}, not in the page that waits).
 */
public final class Profile {
    private static volatile boolean enabled = System.getenv("MCD_PROFILE") != null;
    private static final Map<String, long[]> PHASES = new ConcurrentHashMap<>();
    private static final long START = System.nanoTime();

    private Profile() {}

    public static boolean enabled() {
        return enabled;
    }

    public static void enable() {
        enabled = true;
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    /** This thread's CPU time at each open start (keyed by its wall-clock start), so phases may nest. */
    private static final ThreadLocal<Map<Long, Long>> CPU_AT = ThreadLocal.withInitial(java.util.HashMap::new);

    /** Nanos now, or 0 when off (so callers pay nothing for {@link #since}). */
    public static long start() {
        if (!enabled) {
            return 0;
        }
        long t = System.nanoTime();
        CPU_AT.get().put(t, THREADS.getCurrentThreadCpuTime());
        return t;
    }

    /** Adds the time since {@code start} (a value of {@link #start()}) to {@code phase}. */
    public static void since(String phase, long start) {
        if (enabled && start != 0) {
            long d = System.nanoTime() - start;
            Long cpuAt = CPU_AT.get().remove(start);
            long cpu = cpuAt == null ? 0 : THREADS.getCurrentThreadCpuTime() - cpuAt;
            long[] a = PHASES.computeIfAbsent(phase, k -> new long[3]);
            synchronized (a) {
                a[0] += d;
                a[1]++;
                a[2] += cpu;
            }
        }
    }

    public static <T> T time(String phase, Supplier<T> work) {
        long s = start();
        try {
            return work.get();
        } finally {
            since(phase, s);
        }
    }

    /** The whole process's CPU time so far (all threads, JIT and GC included) as phase {@code name}. */
    public static void processCpu(String name) {
        if (enabled && ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            PHASES.put(name, new long[] {0, 1, os.getProcessCpuTime()});
        }
    }

    /** Milliseconds since this class was loaded (≈ JVM start + a few ms) to mark the end of a run. */
    public static void mark(String phase) {
        if (enabled) {
            PHASES.put(phase, new long[] {System.nanoTime() - START, 1, 0});
        }
    }

    /** One line per phase, sorted by name, for stderr. */
    public static String report() {
        var sb = new StringBuilder();
        new TreeMap<>(PHASES).forEach((k, v) -> sb.append(String.format(Locale.ROOT,
                "mcd profile: %-28s %,8d ms wall %,8d ms cpu  (%,d)%n", k, v[0] / 1_000_000, v[2] / 1_000_000, v[1])));
        return sb.toString();
    }

    /** Forgets every phase, e.g. after a warm-up the benchmark does not want counted. */
    public static void reset() {
        PHASES.clear();
    }

}
