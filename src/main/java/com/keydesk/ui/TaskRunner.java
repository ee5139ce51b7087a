package com.keydesk.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (JDBC, Argon2) away from the JavaFX thread and hands the outcome back to it.
 * ViewModels take one in their constructor; tests pass a same-thread runner.
 */
public interface TaskRunner {

    /**
     * Runs {@code work}; then exactly one of the callbacks, on the thread the UI lives on.
     * A callback must not keep the result longer than it needs (a result may carry a secret).
     */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);
}
