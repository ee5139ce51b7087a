package com.keydesk.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work and hands its outcome over at once, on the calling thread, but holds what waits for
 * the screen ({@link TaskRunner#afterDrawn}) until {@link #draw()}: the moment between rows shown
 * and rows drawn, in which nothing that waits for them may have started.
 */
public final class DrawnOnCommandTaskRunner implements TaskRunner {
    private final TaskRunner sameThread = new SameThreadTaskRunner();
    private final Deque<Runnable> waitingForDrawing = new ArrayDeque<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        sameThread.run(work, onSuccess, onFailure);
    }

    @Override
    public void afterDrawn(Runnable then) {
        waitingForDrawing.add(then);
    }

    /** One pulse drawn: runs what was waiting for it, and what that in turn asks to wait for the next is held again. */
    public void draw() {
        Deque<Runnable> now = new ArrayDeque<>(waitingForDrawing);
        waitingForDrawing.clear();
        now.forEach(Runnable::run);
    }
}
