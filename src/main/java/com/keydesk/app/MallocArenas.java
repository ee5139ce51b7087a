package com.keydesk.app;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Keeps glibc's malloc from spreading a server's native memory over many arenas: glibc gives each
 * thread that meets contention an arena of its own, up to 8 per core, and keeps what each once
 * held (the JIT compilers, Jetty's selectors, the JDK's per-thread I/O buffers). JVM hosts
 * commonly set MALLOC_ARENA_MAX=2; a launcher cannot set an environment variable, so
 * {@code keydesk-serve} sets it here with {@code mallopt} as it starts. Measured under the
 * find-current load: 295 MB resident without it, 263 MB with it (docs/PERFORMANCE.md).
 * <p>
 * Not set for the server, though it saved 20 MB more: a fixed mmap threshold, which gives
 * Argon2id's 19 MiB block back after every hash. Every hash then had its block mapped and zeroed
 * afresh, and the server checked new keys at 0.63 of the rate two cores allow, against 0.72-0.78
 * with the block kept. The desktop app hashes a few times a session (sign-in, a new key), so there
 * {@link #returnLargeBlocksSoon} gives it back.
 * Elsewhere (macOS, Windows, a libc without mallopt) nothing happens.
 */
public final class MallocArenas {
    /** glibc's malloc.h. */
    private static final int M_ARENA_MAX = -8;
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    /** Below Argon2id's shipped 19 MiB, above anything else the desktop allocates often (a window's pixels: 4 MB). */
    static final int LARGE_BLOCK = 16 << 20;

    private MallocArenas() {
    }

    /** @return true when glibc took the cap */
    public static boolean cap(int arenas) {
        return mallopt(M_ARENA_MAX, arenas);
    }

    /**
     * For the desktop app: a block of {@link #LARGE_BLOCK} or more (Argon2id's
     * 19 MiB) is mapped on its own and given back to the system when freed. By default glibc raises
     * its mmap threshold to the size of the first such block freed, after which Argon2id's block is
     * kept in an arena for the life of the process: 19 MB of the desktop's peak resident memory,
     * paid for the sign-in's one hash. Setting the threshold turns that adjustment off, for the trim
     * threshold too, so that is set to what glibc would have reached (twice the mmap threshold).
     *
     * @return true when glibc took both
     */
    public static boolean returnLargeBlocks() {
        return mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK) & mallopt(M_TRIM_THRESHOLD, 2 * LARGE_BLOCK);
    }

    /**
     * {@link #returnLargeBlocks} on a thread of its own, for the desktop app: binding mallopt through
     * the FFM API took 60-160 ms of a fresh JVM (a busy machine), which start-up has better uses for,
     * and the first hash is seconds away (sign-in). Not for the command line: a command lives for a
     * second or two, and the block goes with it.
     *
     * @return the thread, already started
     */
    public static Thread returnLargeBlocksSoon() {
        return Thread.ofPlatform().daemon().name("keydesk-malloc-settings").start(MallocArenas::returnLargeBlocks);
    }

    private static boolean mallopt(int parameter, int value) {
        try {
            Optional<MethodHandle> mallopt = Libc.function("mallopt",
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            return mallopt.isPresent() && (int) mallopt.get().invokeExact(parameter, value) == 1;   // 1 on success
        } catch (Throwable e) {
            return false;   // an optimisation only: KeyDesk runs the same without it
        }
    }
}
