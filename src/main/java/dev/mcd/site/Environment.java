package dev.mcd.site;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * The environment variables a build reads, e.g. {@code MCD_BASE_URL}. In a plain run they are
 * the process's; the build daemon runs each client's build with the client's values instead, so
 * a build means the same whether a daemon ran it or not.
 */
public final class Environment {
    /** Every variable that changes what a build writes: what a daemon's client sends along. */
    public static final List<String> READ_BY_BUILDS = List.of(SiteConfig.BASE_URL_ENV);

    /** The values of the build running now, or null for the process's own environment. */
    private static volatile Map<String, String> current;

    private Environment() {}

    public static String get(String name) {
        var vars = current;
        return vars == null ? System.getenv(name) : vars.get(name);
    }

    /** The values of {@link #READ_BY_BUILDS} in this process (unset ones left out). */
    public static Map<String, String> ofProcess() {
        var out = new TreeMap<String, String>();
        for (String name : READ_BY_BUILDS) {
            String v = System.getenv(name);
            if (v != null) {
                out.put(name, v);
            }
        }
        return out;
    }

    /**
     * Runs {@code work} with {@code vars} as the environment (a name not in it is unset). One at a
     * time: the daemon runs one build at a time, and a second caller waits here for the first.
     */
    public static synchronized <T> T with(Map<String, String> vars, Callable<T> work) throws Exception {
        current = Map.copyOf(vars);
        try {
            return work.call();
        } finally {
            current = null;
        }
    }
}
