package com.keydesk.crypto;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * N platform threads that run work in the order it came, the callers waiting for their result.
 * Argon2id runs go through {@link #ARGON2}, for three reasons:
 * <ul>
 *   <li>each run keeps a core busy: more runs at once than cores finish none sooner;</li>
 *   <li>each allocates its memory cost (19 MiB shipped) outside the Java heap, in the calling
 *   thread's malloc arena: a few threads of our own keep that memory in a few arenas, where
 *   {@code keydesk serve} meeting 32 new keys at once would hold 32 × 19 MiB;</li>
 *   <li>a native call pins a virtual thread to its carrier: {@code keydesk serve}'s requests run
 *   on virtual threads, and two hashes on two carriers would stop every other request. A
 *   virtual thread waiting here for its result frees its carrier.</li>
 * </ul>
 */
final class CoreSlots {
    /** One Argon2id run per core, shared by every hasher in the process: the cores and the memory are. */
    static final CoreSlots ARGON2 = new CoreSlots("keydesk-argon2id", Math.max(1, Runtime.getRuntime().availableProcessors()));

    private final ExecutorService threads;

    CoreSlots(String name, int slots) {
        AtomicInteger number = new AtomicInteger();
        // daemon threads: a hash never keeps the JVM from exiting, and an idle pool costs nothing
        this.threads = Executors.newFixedThreadPool(slots,
                work -> Thread.ofPlatform().name(name + "-" + number.incrementAndGet()).daemon(true).unstarted(work));
    }

    /**
     * Runs the work on one of the threads when one is free and returns its result; what it throws
     * is thrown here. An interrupt while waiting ends the wait as a failure, with the flag kept
     * (a native hash under way cannot be stopped; its result is dropped).
     */
    <T> T run(Supplier<T> work) {
        Future<T> result = threads.submit(work::get);
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(false);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Argon2id", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }
}
