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
    private final ChangeFeed feed;

    private LiveUpdates(ChangeFeed feed) {
        this.feed = feed;
    }

    /** @param uiThread runs on the JavaFX thread ({@code Platform::runLater}) */
    static LiveUpdates start(com.keydesk.store.TeamStore store, MainViewModel window, Executor uiThread) {
        return new LiveUpdates(ChangeFeed.start(store, new ChangeFeed.Listener() {
            @Override
            public void changed(long headSeq) {
                uiThread.execute(() -> window.storeChanged(headSeq));
            }

            @Override
            public void unreachable(Throwable cause) {
                // the class of failure only: a driver's message may name the server, never more, but stays out of logs
                LOG.log(Level.FINE, "team store unreachable: {0}", cause.getClass().getName());
                uiThread.execute(window::storeUnreachable);
            }

            @Override
            public void resumed() {
                uiThread.execute(window::storeResumed);
            }
        }));
    }

    @Override
    public void close() {
        feed.close();
    }
}
