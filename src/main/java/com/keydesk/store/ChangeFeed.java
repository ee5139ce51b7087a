package com.keydesk.store;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells an open app that someone changed the team store: a PostgreSQL connection of its own that
 * LISTENs on {@value #CHANNEL}, on which the store sends the new audit head after every commit.
 * It runs on one virtual thread, survives the server going away (it says so once, then keeps
 * reconnecting, and says when it listens again, because changes made meanwhile were never
 * signalled) and stops at {@link #close()}. An embedded H2 store has no feed: one process holds it.
 */
public final class ChangeFeed implements AutoCloseable {
    public static final String CHANNEL = AuditRepository.CHANGES_CHANNEL;

    /** Called on the feed's own thread: hand over to the UI thread, and never block long. */
    public interface Listener {
        /** Changes were committed; {@code headSeq} is the newest audit head announced (-1 if no number came). */
        void changed(long headSeq);

        /** The connection broke and could not be made again at once; said once per outage. */
        void unreachable(Throwable cause);

        /** Listening again after a broken connection: what changed meanwhile was not announced, so catch up. */
        void resumed();
    }

    /** Opens a new connection to the team store (the feed closes it). */
    public interface Connector {
        Connection connect() throws SQLException;
    }

    /** How long the feed waits between checks; tests shorten them. */
    record Timing(Duration poll, Duration quietCheck, Duration firstRetry, Duration maxRetry) {
        static final Timing STANDARD = new Timing(Duration.ofMillis(500), Duration.ofSeconds(15),
                Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    private final Connector connector;
    private final Listener listener;
    private final Timing timing;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection current;

    private ChangeFeed(Connector connector, Listener listener, Timing timing) {
        this.connector = connector;
        this.listener = listener;
        this.timing = timing;
        this.thread = Thread.ofVirtual().name("keydesk-change-feed").unstarted(this::run);
    }

    /** Listens to a team store over a connection of its own, made as the store's pool makes them. */
    public static ChangeFeed start(TeamStore store, Listener listener) {
        return start(() -> TeamDatabase.connect(store), listener);
    }

    /** Starts listening in the background; the first connection is made there, not by the caller. */
    public static ChangeFeed start(Connector connector, Listener listener) {
        return start(connector, listener, Timing.STANDARD);
    }

    static ChangeFeed start(Connector connector, Listener listener, Timing timing) {
        ChangeFeed feed = new ChangeFeed(connector, listener, timing);
        feed.thread.start();
        return feed;
    }

    private void run() {
        boolean broken = false;
        boolean said = false;
        long retry = timing.firstRetry().toMillis();
        try {
            while (!closed) {
                try (Connection connection = connector.connect()) {
                    current = connection;
                    listen(connection);
                    if (broken) {
                        broken = false;
                        said = false;
                        retry = timing.firstRetry().toMillis();
                        listener.resumed();
                    }
                    relay(connection);
                } catch (SQLException | RuntimeException failure) {
                    if (closed) {
                        return;
                    }
                    if (broken && !said) {
                        said = true;   // the reconnect made at once failed too: now it is an outage worth a sentence
                        listener.unreachable(failure);
                    }
                    if (broken) {
                        sleep(retry);
                        retry = Math.min(retry * 2, timing.maxRetry().toMillis());
                    }
                    broken = true;
                } finally {
                    current = null;
                }
            }
        } finally {
            stopped.countDown();
        }
    }

    private static void listen(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + CHANNEL);
        }
    }

    /**
     * Hands every batch of notifications on as one call with the newest head. A connection that stays
     * quiet is asked a trivial question now and then, so a peer that vanished without closing the
     * socket is noticed too.
     */
    private void relay(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        int poll = (int) timing.poll().toMillis();
        long quietSince = System.nanoTime();
        while (!closed) {
            PGNotification[] arrived = pg.getNotifications(poll);
            if (arrived != null && arrived.length > 0) {
                listener.changed(newestHead(arrived));
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > timing.quietCheck().toNanos()) {
                try (Statement ping = connection.createStatement()) {
                    ping.setQueryTimeout((int) Math.max(1, timing.maxRetry().toSeconds()));
                    ping.execute("SELECT 1");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    /** The payload is the new audit head; anything else (a hand-sent NOTIFY) still means "look again". */
    static long newestHead(PGNotification[] arrived) {
        long newest = -1;
        for (PGNotification n : arrived) {
            try {
                newest = Math.max(newest, Long.parseLong(n.getParameter().strip()));
            } catch (NumberFormatException | NullPointerException notANumber) {
                // no number: the listener asks the store what changed all the same
            }
        }
        return newest;
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops listening and closes the connection; returns once the feed's thread has ended (or after 5 s). */
    @Override
    public void close() {
        closed = true;
        Connection open = current;
        if (open != null) {
            try {
                open.close();   // wakes a thread waiting for notifications
            } catch (SQLException ignored) {
                // it is going away either way
            }
        }
        thread.interrupt();
        try {
            stopped.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
