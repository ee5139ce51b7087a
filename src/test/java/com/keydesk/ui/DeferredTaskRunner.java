package com.keydesk.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs the work at once but holds its outcome until {@link #deliver()}: the moment between a
 * background read and the UI thread seeing it, in which others may change the store.
 */
public final class DeferredTaskRunner implements TaskRunner {
    private final Deque<Runnable> outcomes = new ArrayDeque<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        try {
            T result = work.call();
            outcomes.add(() -> onSuccess.accept(result));
        } catch (Throwable failure) {
            outcomes.add(() -> onFailure.accept(failure));
        }
    }

    /** True while an outcome is held. */
    public boolean holding() {
        return !outcomes.isEmpty();
    }

    /** Hands the oldest held outcome over. */
    public void deliverOne() {
        outcomes.poll().run();
    }

    /** Hands the newest held outcome over: answers arriving out of order. */
    public void deliverNewest() {
        outcomes.pollLast().run();
    }

    /** Hands every held outcome over, including those of work their callbacks start. */
    public void deliver() {
        while (!outcomes.isEmpty()) {
            outcomes.poll().run();
        }
    }
}
