package dev.mcd.site.publish;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Puts a built site into {@code root/site-output/} so that a complete site is there at every
 * instant, also when the build is killed, e.g. {@code new Publisher(Disk.LOCAL, System.err::println).publish(root, site)}:
 * <ol>
 * <li>under {@link PublishLock}, remove what an interrupted build left (restoring
 *     {@code .site-output.old-*} first if {@code site-output/} itself is missing);</li>
 * <li>refuse early, with the old site untouched, when {@code site-output/} cannot be replaced (read-only);</li>
 * <li>write the whole site to {@code .site-output.new-<id>/} (a full disk fails here, old site untouched);</li>
 * <li>swap it with {@code site-output/} in one {@code renameat2(RENAME_EXCHANGE)}, then delete the
 *     old site now under the {@code .new-} name. Where the system cannot swap, two renames
 *     ({@code site-output -> .site-output.old-<id>}, {@code .new-<id> -> site-output}) with step 1 as
 *     the recovery of a kill between them.</li>
 * </ol>
 * Every failure is a {@link PublishException} of one line; the leftovers' names are in .gitignore.
 */
public final class Publisher {
    static final String NEW = ".site-output.new-";
    static final String OLD = ".site-output.old-";
    private static final SecureRandom IDS = new SecureRandom();

    private final Disk disk;
    private final Consumer<String> notices;

    public Publisher(Disk disk, Consumer<String> notices) {
        this.disk = disk;
        this.notices = notices;
    }

    @SuppressWarnings("try") // the lock is held for the body; nothing calls it
    public void publish(Path root, SiteOutput site) throws PublishException {
        try (var lock = PublishLock.acquire(root, notices)) {
            publishLocked(root, site);
        } catch (PublishException e) {
            throw e;
        } catch (IOException e) {
            throw new PublishException("cannot publish " + SiteOutput.DIR + "/: " + describe(root, e));
        }
    }

    private void publishLocked(Path root, SiteOutput site) throws PublishException {
        recover(root);
        Path target = root.resolve(SiteOutput.DIR);
        boolean hadSite = exists(target);
        if (hadSite) {
            try {
                disk.checkWritable(target);
            } catch (IOException e) {
                throw new PublishException("cannot replace " + SiteOutput.DIR + "/: " + describe(root, e)
                        + "; it is unchanged (make it writable, e.g. chmod -R u+w " + SiteOutput.DIR + ")");
            }
        }
        String id = HexFormat.of().formatHex(randomBytes());
        Path fresh = root.resolve(NEW + id);
        try {
            write(site, fresh);
        } catch (IOException e) {
            deleteQuietly(root, fresh);
            throw new PublishException("cannot write the new site: " + describe(root, e) + unchanged(hadSite));
        }
        try {
            if (!hadSite) {
                disk.move(fresh, target);
                return;
            }
            if (disk.exchange(fresh, target)) {
                deleteQuietly(root, fresh); // the old site, now under the .new- name
                return;
            }
            Path old = root.resolve(OLD + id);
            disk.move(target, old);
            try {
                disk.move(fresh, target);
            } catch (IOException e) {
                disk.move(old, target);
                throw e;
            }
            deleteQuietly(root, old);
        } catch (IOException e) {
            deleteQuietly(root, fresh);
            throw new PublishException("cannot put the new site in place: " + describe(root, e) + unchanged(hadSite));
        }
    }

    /**
     * Undoes what a killed publish left: a missing {@code site-output/} comes back from the
     * {@code .old-} copy (complete: it was a whole site when renamed), then every leftover goes.
     */
    public void recover(Path root) throws PublishException {
        List<Path> leftovers;
        try (Stream<Path> s = Files.list(root)) {
            leftovers = s.filter(p -> p.getFileName().toString().startsWith(NEW) || p.getFileName().toString().startsWith(OLD))
                    .sorted().toList();
        } catch (IOException e) {
            throw new PublishException("cannot list the project folder: " + describe(root, e));
        }
        Path target = root.resolve(SiteOutput.DIR);
        for (Path p : leftovers) {
            if (!exists(target) && p.getFileName().toString().startsWith(OLD)) {
                try {
                    disk.move(p, target);
                    notices.accept("restored " + SiteOutput.DIR + "/ from " + p.getFileName() + ", left by an interrupted build");
                } catch (IOException e) {
                    throw new PublishException("cannot restore " + SiteOutput.DIR + "/ from " + p.getFileName() + ": " + describe(root, e));
                }
            } else {
                deleteQuietly(root, p);
            }
        }
    }

    private void write(SiteOutput site, Path dir) throws IOException {
        disk.createDirectories(dir);
        for (var e : site.files().entrySet()) {
            Path p = dir.resolve(e.getKey());
            if (!p.getParent().equals(dir)) {
                disk.createDirectories(p.getParent());
            }
            disk.write(p, e.getValue());
        }
    }

    private void deleteQuietly(Path root, Path dir) {
        try {
            disk.deleteTree(dir);
        } catch (IOException e) {
            notices.accept("could not remove " + root.relativize(dir) + " (" + describe(root, e) + "); the next build removes it");
        }
    }

    private static String unchanged(boolean hadSite) {
        return hadSite ? "; " + SiteOutput.DIR + "/ is unchanged" : "";
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[6];
        IDS.nextBytes(b);
        return b;
    }

    private static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** An I/O error in words with the path relative to the project, e.g. "permission denied (site-output/katex)". */
    static String describe(Path root, IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String file = relative(root, f.getFile());
            String reason = f.getReason() != null ? f.getReason()
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "already exists" : "cannot change it";
            return reason.toLowerCase(java.util.Locale.ROOT) + " (" + file + ")";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "input/output error" : m.toLowerCase(java.util.Locale.ROOT).startsWith("no space") ? "no space left on device" : m;
    }

    private static String relative(Path root, String file) {
        try {
            Path p = Path.of(file);
            return p.startsWith(root) ? root.relativize(p).toString() : file;
        } catch (RuntimeException e) {
            return file;
        }
    }
}
