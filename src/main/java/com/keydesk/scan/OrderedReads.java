package com.keydesk.scan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Files read on several threads, their outcomes handed over on the caller's thread in the order the
 * files were given. ripgrep reads on every core; one thread left the scanner at 1.6 times its time
 * on an idle two-core machine (docs/PERFORMANCE.md). A read's outcome is what it would have told the
 * listener (findings, counts), as actions the caller runs in turn, so that listeners and counters
 * stay on one thread and see files in walk order. At most a few files are in flight, so a walk of a
 * million files holds no more than a few outcomes.
 */
final class OrderedReads implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private final ExecutorService readers;
    private final int inFlight;
    private final Deque<Future<List<Runnable>>> pending = new ArrayDeque<>();

    /** @param threads readers; 1 reads each file on the caller's thread as it is given */
    OrderedReads(int threads) {
        this.readers = threads <= 1 ? null : Executors.newFixedThreadPool(threads, work -> {
            Thread t = new Thread(work, "keydesk-scan-" + THREADS.incrementAndGet());
            t.setDaemon(true);   // a command ends when its scan does, never waiting on a reader
            return t;
        });
        this.inFlight = 2 * Math.max(threads, 1);
    }

    /** A file's read: runs now or on a reader; its outcome is handed over after every earlier one. */
    void read(Callable<List<Runnable>> read) {
        if (readers == null) {
            handOver(CompletableFuture.completedFuture(call(read)));
            return;
        }
        pending.add(readers.submit(read));
        while (pending.size() > inFlight) {
            handOver(pending.poll());
        }
    }

    /** Something said without reading (a link skipped, a folder unreadable), in its place among the reads. */
    void say(Runnable said) {
        if (pending.isEmpty()) {
            said.run();
        } else {
            pending.add(CompletableFuture.completedFuture(List.of(said)));
        }
    }

    /** Hands over every outcome still pending. */
    void finish() {
        while (!pending.isEmpty()) {
            handOver(pending.poll());
        }
    }

    private static List<Runnable> call(Callable<List<Runnable>> read) {
        try {
            return read.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void handOver(Future<List<Runnable>> outcome) {
        List<Runnable> actions;
        try {
            actions = outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("The scan was interrupted.");
        } catch (ExecutionException e) {
            // the reader's own exception, as a read on this thread would have thrown it (a cancellation among them)
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
        actions.forEach(Runnable::run);
    }

    /** Stops the readers; outcomes not handed over are dropped (the scan ended early: cancelled or failed). */
    @Override
    public void close() {
        if (readers != null) {
            pending.forEach(outcome -> outcome.cancel(true));
            pending.clear();
            readers.shutdownNow();
        }
    }
}
