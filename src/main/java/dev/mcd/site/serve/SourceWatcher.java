package dev.mcd.site.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches folders (recursively) and reports a batch of changed files once edits go quiet, e.g.
 * an editor's save of {@code content/intro.md} (often write-temp-then-rename, several events)
 * arrives as one call with {@code {content/intro.md}}; an empty set means "events were lost,
 * rebuild everything". Editor droppings (.swp, ~, .#) never trigger a build.
 */
final class SourceWatcher implements AutoCloseable {
    private final WatchService service;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final Duration quiet;
    private final Consumer<Set<Path>> onChange;
    private final Thread thread;
    private final Path root;
    private final List<String> names;

    /**
     * Watches {@code names} under {@code root} (folders recursively), and {@code root} itself for
     * those names coming and going: content/ renamed away and back is noticed and rebuilt (an
     * empty set), where a watch on content/ alone would silently stop.
     */
    SourceWatcher(Path root, List<String> names, Duration quiet, Consumer<Set<Path>> onChange) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.quiet = quiet;
        this.onChange = onChange;
        this.root = root.toAbsolutePath().normalize();
        this.names = List.copyOf(names);
        keys.put(this.root.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), this.root);
        for (String name : names) {
            Path dir = this.root.resolve(name);
            if (Files.isDirectory(dir)) {
                registerTree(dir);
            }
        }
        this.thread = Thread.ofPlatform().daemon().name("mcd-watch").unstarted(this::run);
    }

    SourceWatcher start() {
        thread.start();
        return this;
    }

    @Override
    public void close() throws IOException {
        service.close();
        thread.interrupt();
    }

    private void run() {
        try {
            while (true) {
                var changed = new TreeSet<Path>();
                boolean lost = drain(service.take(), changed);
                // Keep collecting until nothing happens for `quiet`: one save is many events.
                WatchKey next;
                while ((next = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    lost |= drain(next, changed);
                }
                changed.removeIf(SourceWatcher::ignored);
                if (lost) {
                    onChange.accept(Set.of());
                } else if (!changed.isEmpty()) {
                    onChange.accept(changed);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    /** Adds the key's events to {@code changed}; true when events overflowed and are lost. */
    private boolean drain(WatchKey key, Set<Path> changed) {
        Path dir = keys.get(key);
        boolean lost = false;
        for (var event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || dir == null) {
                lost = true;
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            if (dir.equals(root)) {
                String name = event.context().toString();
                if (!names.contains(name)) {
                    continue; // site-output/, .mcd-cache/, target/ and the like change all the time
                }
                if (event.kind() == ENTRY_MODIFY && Files.isDirectory(path)) {
                    continue; // something inside changed: the folder's own watch reports it
                }
                if (event.kind() != ENTRY_MODIFY) {
                    lost = true; // content/, templates/ or mcd.yaml came or went: rebuild everything
                    if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
                        try {
                            registerTree(path);
                        } catch (IOException | UncheckedIOException e) {
                            // it went again already: the next event says so
                        }
                    }
                    continue;
                }
            }
            changed.add(path);
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    // Files may already sit in a new folder (moved in, unpacked): count them too.
                    registerTree(path);
                    try (Stream<Path> inside = Files.walk(path)) {
                        inside.filter(Files::isRegularFile).forEach(changed::add);
                    }
                } catch (IOException | UncheckedIOException e) {
                    lost = true;
                }
            }
        }
        if (!key.reset()) {
            keys.remove(key);
            lost |= dir != null && dir.equals(root.resolve("content")); // content/ itself went away
        }
        return lost;
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                keys.put(dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
            }
        }
    }

    static boolean ignored(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(".") || name.startsWith("#") || name.endsWith("~")
                || name.endsWith(".swp") || name.endsWith(".swx") || name.endsWith(".tmp");
    }
}
