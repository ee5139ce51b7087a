package com.keydesk.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The robot suite's runner: the work runs on a worker thread, as in the app, while the caller
 * waits for it; the outcome is then handed over on the caller's (the JavaFX) thread. As
 * deterministic as {@link SameThreadTaskRunner}, but the work is off the JavaFX thread, so a
 * service call the UI makes outside a task is the only one {@code FxThreadGuard} sees there.
 */
public final class WorkerThreadTaskRunner implements TaskRunner, AutoCloseable {
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "robot-worker");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        Future<T> outcome = workers.submit(work);
        T result;
        try {
            result = outcome.get();
        } catch (ExecutionException e) {
            onFailure.accept(e.getCause());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
