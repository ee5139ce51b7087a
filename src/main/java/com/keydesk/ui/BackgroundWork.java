package com.keydesk.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A ViewModel's slow work with state: {@link #runningProperty()} is true while any of its tasks
 * runs (the screen binds its busy indicator and disabled form to it), and a task without a failure
 * handler of its own shows the failure as the ViewModel's error sentence ({@link ErrorText}).
 * Replaces the hand-toggled busy flag, which one forgotten {@code set(false)} left on for good.
 * Used on the JavaFX thread only; the work itself runs on the {@link TaskRunner}.
 */
public final class BackgroundWork {
    private final TaskRunner runner;
    private final Consumer<String> showError;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private int inFlight;

    /** @param showError where a failure's sentence goes when the task has no failure handler of its own */
    public BackgroundWork(TaskRunner runner, Consumer<String> showError) {
        this.runner = Objects.requireNonNull(runner);
        this.showError = Objects.requireNonNull(showError);
    }

    /** Slow work that has a result. */
    public <T> Task<T> task(Callable<T> work) {
        return new Task<>(work);
    }

    /** Slow work that only has an effect. */
    public Task<Void> action(Action work) {
        return new Task<>(() -> {
            work.run();
            return null;
        });
    }

    /**
     * For slow work that another part runs and reports back on by a callback of its own (a restore
     * that replaces the window): running until the returned release is called (once is enough).
     */
    public Runnable hold() {
        inFlight++;
        running.set(true);
        boolean[] released = {false};
        return () -> {
            if (!released[0]) {
                released[0] = true;
                finished();
            }
        };
    }

    /** True while any task started here has not yet delivered its outcome. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Work without a result that may throw (a service call). */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** One piece of work, configured and then {@link #start()}ed; every callback runs on the UI thread. */
    public final class Task<T> {
        private final Callable<T> work;
        private Consumer<? super T> onSuccess = result -> { };
        private Consumer<Throwable> onFailure = failure -> showError.accept(ErrorText.sentence(failure));

        private Task(Callable<T> work) {
            this.work = Objects.requireNonNull(work);
        }

        public Task<T> onSuccess(Consumer<? super T> handler) {
            this.onSuccess = Objects.requireNonNull(handler);
            return this;
        }

        /** Replaces the default (the sentence as the ViewModel's error) for failures that need more. */
        public Task<T> onFailure(Consumer<Throwable> handler) {
            this.onFailure = Objects.requireNonNull(handler);
            return this;
        }

        /** Starts the work; running is true from now until its outcome is handed over. */
        public void start() {
            inFlight++;
            running.set(true);
            runner.run(work, result -> {
                finished();
                onSuccess.accept(result);
            }, failure -> {
                finished();
                onFailure.accept(failure);
            });
        }
    }

    private void finished() {
        inFlight--;
        running.set(inFlight > 0);
    }
}
