package dev.mcd.site.publish;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Linux's {@code renameat2(RENAME_EXCHANGE)} (man 2 rename, since 3.15): swaps two folders in one
 * step, so {@code site-output/} is at every instant either the whole old site or the whole new
 * one; Java's own move can only rename onto a path that does not exist. Elsewhere, or on a file
 * system without it, {@link #exchange} says false and the caller falls back to two renames.
 */
public final class RenameExchange {
    private static final int AT_FDCWD = -100;
    private static final int RENAME_EXCHANGE = 2;
    private static final int EPERM = 1, EACCES = 13, EBUSY = 16, EROFS = 30, ENOSPC = 28, EINVAL = 22, ENOSYS = 38;
    private static final int ENOTSUP = 95;
    private static final StructLayout STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle RENAMEAT2 = find();

    private RenameExchange() {}

    @SuppressWarnings("restricted") // a native call by design; the launcher and the jar enable native access
    private static MethodHandle find() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return null;
        }
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("renameat2").map(addr -> linker.downcallHandle(addr,
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT),
                    Linker.Option.captureCallState("errno"))).orElse(null);
        } catch (RuntimeException e) {
            return null; // native access not granted, or no such symbol: fall back to two renames
        }
    }

    /** Swaps {@code a} and {@code b}; false when this system cannot swap atomically (nothing changed). */
    public static boolean exchange(Path a, Path b) throws IOException {
        if (RENAMEAT2 == null) {
            return false;
        }
        int result;
        int errno;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(STATE);
            result = (int) RENAMEAT2.invokeExact(state, AT_FDCWD, arena.allocateFrom(a.toString()),
                    AT_FDCWD, arena.allocateFrom(b.toString()), RENAME_EXCHANGE);
            errno = (int) ERRNO.get(state, 0L);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("cannot swap " + a + " and " + b, t);
        }
        if (result == 0) {
            return true;
        }
        return switch (errno) {
            case EINVAL, ENOSYS, ENOTSUP -> false;
            case EACCES, EPERM -> throw new java.nio.file.AccessDeniedException(b.toString(), null, "permission denied");
            case EROFS -> throw new IOException(b + ": read-only file system");
            case ENOSPC -> throw new IOException(b + ": no space left on device");
            case EBUSY -> throw new IOException(b + ": busy (a program has it open as its working folder?)");
            default -> throw new IOException("cannot swap " + a + " and " + b + " (errno " + errno + ")");
        };
    }
}
