package com.keydesk.crypto;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most N pieces of work at once, the rest waiting in turn (a fair semaphore). Argon2id runs
 * go through {@link #ARGON2}: each keeps a core busy and holds its memory cost outside the heap,
 * so more runs at once than cores finish none sooner and only add memory.
 */
final class CoreSlots {
    /** One Argon2id run per core, shared by every hasher in the process: the cores and the memory are. */
    static final CoreSlots ARGON2 = new CoreSlots(Math.max(1, Runtime.getRuntime().availableProcessors()));

    private final Semaphore slots;

    CoreSlots(int slots) {
        this.slots = new Semaphore(slots, true);
    }

    /** Runs the work when a slot is free; an interrupt while waiting ends the wait as a failure, with the flag kept. */
    <T> T run(Supplier<T> work) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a free core", e);
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
