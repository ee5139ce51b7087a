package com.keydesk.app;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps glibc's malloc from holding on to memory a server no longer uses. Two settings, which JVM
 * hosts commonly give with MALLOC_ARENA_MAX and MALLOC_MMAP_THRESHOLD_; a launcher cannot set an
 * environment variable, so {@code keydesk-serve} sets them here with {@code mallopt} as it starts:
 * <ul>
 *   <li>at most two arenas: glibc gives each thread that meets contention an arena of its own, up
 *   to 8 per core, and keeps what each once held (the JIT compilers, Jetty's selectors, the JDK's
 *   per-thread I/O buffers);</li>
 *   <li>every block of 4 MiB or more mapped on its own and given back when freed: Argon2id's
 *   19 MiB block otherwise stays in its arena after the first hash (glibc raises its threshold
 *   past the first such block it frees). Each hash then maps its block afresh, a small part of
 *   its 20–30 ms.</li>
 * </ul>
 * Measured together under load: 295 MB resident at the end of a run without them, 245 MB with
 * them (docs/PERFORMANCE.md). Elsewhere (macOS, Windows, a libc without mallopt) nothing happens.
 */
public final class MallocArenas {
    /** glibc's malloc.h. */
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int M_ARENA_MAX = -8;
    private static final int OWN_MAPPING_FROM_BYTES = 4 * 1024 * 1024;

    private MallocArenas() {
    }

    /** @return true when glibc took both settings */
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
            // mallopt returns 1 on success
            boolean arenasTaken = (int) call.invokeExact(M_ARENA_MAX, arenas) == 1;
            boolean thresholdTaken = (int) call.invokeExact(M_MMAP_THRESHOLD, OWN_MAPPING_FROM_BYTES) == 1;
            return arenasTaken && thresholdTaken;
        } catch (Throwable e) {
            return false;   // an optimisation only: the server runs the same without it
        }
    }
}
