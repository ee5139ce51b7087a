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

    /**
     * Runs {@code then} on the UI thread once what the UI thread has just changed is on the screen.
     * Work that can wait for that (a count, the rest of a list, a banner) then no longer shares the
     * two cores of a small machine with the drawing of the first rows. Runners without a screen run
     * it at once.
     */
    default void afterDrawn(Runnable then) {
        then.run();
    }
}
