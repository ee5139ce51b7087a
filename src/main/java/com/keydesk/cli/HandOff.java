package com.keydesk.cli;

import com.keydesk.threads.HeadStart;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Passes items to a consumer that runs on a second thread, in batches, so that producing them
 * (reading keys from the store) and consuming them (writing their text) use two cores at once.
 * Listing 100,000 keys spends about as long reading as writing, so this took a quarter of a
 * second off {@code keys list --json} (docs/PERFORMANCE.md). The consumer sees the items in
 * order, on one thread. A failure of the consumer stops the producer at its next batch, and is
 * thrown there and by {@link #finish}; {@link #close} without {@code finish} drops what is left.
 */
final class HandOff<T> implements Consumer<T>, AutoCloseable {
    private static final int BATCH = 256;
    /** A few batches in flight: enough to smooth the two threads' pace, little memory. */
    private static final int QUEUED = 8;

    private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(QUEUED);
    private final List<T> end = new ArrayList<>();   // by identity: no more batches
    private final Thread consumer;
    private volatile Throwable failure;
    private volatile boolean abandoned;
    private List<T> batch = new ArrayList<>(BATCH);
    private boolean ended;

    private HandOff(Consumer<? super T> sink) {
        consumer = Thread.ofPlatform().daemon().name("keydesk-output").start(() -> consume(sink));
    }

    /** Starts the consuming thread. */
    static <T> HandOff<T> to(Consumer<? super T> sink) {
        return new HandOff<>(sink);
    }

    @Override
    public void accept(T item) {
        batch.add(item);
        if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Returns once the consumer has taken every item; throws what the consumer threw. */
    void finish() {
        put(batch);
        endAndJoin();
        rethrowFailure();
    }

    /** After {@link #finish}: nothing more. Otherwise (the producer failed): the consumer drops what is left and stops. */
    @Override
    public void close() {
        if (!ended) {
            abandoned = true;
            endAndJoin();
        }
    }

    private void consume(Consumer<? super T> sink) {
        try {
            for (List<T> taken = queue.take(); taken != end; taken = queue.take()) {
                if (failure == null && !abandoned) {
                    try {
                        taken.forEach(sink);
                    } catch (RuntimeException | Error e) {
                        failure = e;   // keep taking until the end, so the producer never blocks on a full queue
                    }
                }
            }
        } catch (InterruptedException e) {
            failure = e;   // not expected: no other code holds this thread
        }
    }

    private void put(List<T> items) {
        rethrowFailure();
        try {
            queue.put(items);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandoned = true;
            throw new IllegalStateException("Interrupted while writing the output.", e);
        }
    }

    /** Ends the queue and waits for the consumer, even if interrupted: it must be done with the sink first. */
    private void endAndJoin() {
        ended = true;
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(end);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        HeadStart.joinUninterruptibly(consumer);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowFailure() {
        Throwable failed = failure;
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        if (failed != null) {
            throw new IllegalStateException("The output was interrupted.", failed);
        }
    }
}
