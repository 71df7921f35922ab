package dev.mcd.site.serve;

import java.nio.file.Path;

/**
 * Where a request path leads inside the served folder, e.g. {@code /a/../../etc/passwd} is
 * {@link Forbidden}, {@code /guide/} is {@link Found} {@code guide/index.html}, {@code /guide} is
 * {@link Redirect} to {@code /guide/} (so the page's relative links resolve).
 */
sealed interface Lookup {
    record Found(Path file) implements Lookup {
    }

    record Redirect(String location) implements Lookup {
    }

    record Missing() implements Lookup {
    }

    record Forbidden(String reason) implements Lookup {
    }

    record BadRequest(String reason) implements Lookup {
    }
}
