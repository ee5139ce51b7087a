package com.keydesk.threads;

/**
 * Work that only gives later work a head start (loading classes or a native library), run on a
 * daemon thread while the caller does something else. Its failures are dropped: the later work
 * meets the same trouble itself and reports it.
 */
public final class HeadStart {
    private final Thread thread;

    private HeadStart(Thread thread) {
        this.thread = thread;
    }

    public static HeadStart start(String name, Runnable work) {
        return new HeadStart(Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                work.run();
            } catch (RuntimeException | LinkageError ignored) {
                // only a head start
            }
        }));
    }

    /**
     * Returns once the work has finished, keeping an interrupt for the caller. It waits even when
     * interrupted: the callers wait so that two threads never initialise the same thing at once.
     */
    public void awaitDone() {
        joinUninterruptibly(thread);
    }

    /**
     * Returns once {@code thread} has ended, however often the caller is interrupted meanwhile;
     * an interrupt is kept for the caller. For waits that must not end early: what the other
     * thread still does would race with what the caller does next.
     */
    public static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
