package dev.mcd.site.serve;

import java.util.Locale;

/**
 * Which {@code Host} headers the preview answers: only the loopback names of its own port, e.g.
 * {@code 127.0.0.1:8000} or {@code localhost:8000}. A page on another site that rebinds its own
 * domain to 127.0.0.1 (DNS rebinding) sends {@code Host: evil.example:8000} and gets 403, so it
 * cannot read drafts or error pages through the visitor's browser.
 */
final class HostCheck {
    private HostCheck() {}

    static boolean allowed(String host, int port) {
        if (host == null) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        for (String name : new String[] {"127.0.0.1", "localhost", "[::1]"}) {
            if (h.equals(name + ":" + port) || (port == 80 && h.equals(name))) {
                return true;
            }
        }
        return false;
    }
}
