package com.keydesk.app;

import com.keydesk.store.ChangeFeed;
import com.keydesk.ui.main.MainViewModel;

import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A signed-in window on a team store hears of others' changes: the store's {@link ChangeFeed},
 * whose news is handed to the window on the JavaFX thread. One per main window; closed when the
 * person signs out, switches stores or quits. A local store has none.
 */
final class LiveUpdates implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LiveUpdates.class.getName());
    private ChangeFeed feed;
    /** Set on close: news still on its way is dropped, the window it was for is gone. */
    private volatile boolean closed;

    private LiveUpdates() {
    }

    /** @param uiThread runs on the JavaFX thread ({@code Platform::runLater}) */
    static LiveUpdates start(com.keydesk.store.TeamStore store, MainViewModel window, Executor uiThread) {
        LiveUpdates live = new LiveUpdates();
        Executor toWindow = news -> uiThread.execute(() -> {
            if (!live.closed) {
                news.run();
            }
        });
        live.feed = ChangeFeed.start(store, new ChangeFeed.Listener() {
            @Override
            public void changed(long headSeq) {
                toWindow.execute(() -> window.storeChanged(headSeq));
            }

            @Override
            public void unreachable(Throwable cause) {
                // the class of failure only: a driver's message may name the server, never more, but stays out of logs
                LOG.log(Level.FINE, "team store unreachable: {0}", cause.getClass().getName());
                toWindow.execute(window::storeUnreachable);
            }

            @Override
            public void resumed() {
                toWindow.execute(window::storeResumed);
            }
        });
        return live;
    }

    /**
     * Called on the JavaFX thread: the window stops hearing news at once, and the feed's connection
     * is closed on a thread of its own (closing it is JDBC, and waits up to 5 s for the listener).
     */
    @Override
    public void close() {
        closed = true;
        Thread.ofVirtual().name("keydesk-change-feed-close").start(feed::close);
    }
}
