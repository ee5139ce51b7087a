package com.keydesk.app;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps glibc's malloc from spreading a server's native memory over many arenas: glibc gives each
 * thread that meets contention an arena of its own, up to 8 per core, and keeps what each once
 * held (the JIT compilers, Jetty's selectors, the JDK's per-thread I/O buffers). JVM hosts
 * commonly set MALLOC_ARENA_MAX=2; a launcher cannot set an environment variable, so
 * {@code keydesk-serve} sets it here with {@code mallopt} as it starts. Measured under the
 * find-current load: 295 MB resident without it, 263 MB with it (docs/PERFORMANCE.md).
 * <p>
 * Not set, though it saved 20 MB more: a fixed mmap threshold, which gives Argon2id's 19 MiB block
 * back after every hash. Every hash then had its block mapped and zeroed afresh, and the server
 * checked new keys at 0.63 of the rate two cores allow, against 0.72-0.78 with the block kept.
 * Elsewhere (macOS, Windows, a libc without mallopt) nothing happens.
 */
public final class MallocArenas {
    /** glibc's malloc.h. */
    private static final int M_ARENA_MAX = -8;

    private MallocArenas() {
    }

    /** @return true when glibc took the cap */
    public static boolean cap(int arenas) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return false;
        }
        try {
            Linker linker = Linker.nativeLinker();
            Optional<MemorySegment> mallopt = linker.defaultLookup().find("mallopt");
            if (mallopt.isEmpty()) {
                return false;
            }
            MethodHandle call = linker.downcallHandle(mallopt.get(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            return (int) call.invokeExact(M_ARENA_MAX, arenas) == 1;   // mallopt returns 1 on success
        } catch (Throwable e) {
            return false;   // an optimisation only: the server runs the same without it
        }
    }
}
