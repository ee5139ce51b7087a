package com.keydesk.store;

import com.keydesk.testing.PgCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The change feed against a real PostgreSQL server: notifications, an outage, a restart, closing. */
class ChangeFeedTest {
    private static final ChangeFeed.Timing QUICK = new ChangeFeed.Timing(Duration.ofMillis(100), Duration.ofSeconds(2),
            Duration.ofMillis(100), Duration.ofMillis(400));
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final ChangeFeed.Listener recorder = new ChangeFeed.Listener() {
        @Override
        public void changed(long headSeq) {
            events.add("changed " + headSeq);
        }

        @Override
        public void unreachable(Throwable cause) {
            events.add("unreachable");
        }

        @Override
        public void resumed() {
            events.add("resumed");
        }
    };
    private ChangeFeed feed;

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.close();
        }
    }

    @Test
    void aCommittedNotifyReachesTheListenerWithItsHeadAndARolledBackOneNever() throws Exception {
        PgCluster pg = PgCluster.get();
        String db = PgCluster.databaseOf(pg.newDatabase());
        feed = ChangeFeed.start(() -> pg.connect(db), recorder, QUICK);
        awaitListening(pg, db);

        try (Connection other = pg.connect(db)) {
            other.setAutoCommit(false);
            notify(other, "41");
            other.rollback();
            notify(other, "42");
            notify(other, "43");
            other.commit();
        }

        assertThat(next()).isEqualTo("changed 43");
        assertThat(events.poll(300, TimeUnit.MILLISECONDS)).as("the rolled-back change was never announced").isNull();
    }

    @Test
    void aServerThatStopsIsReportedOnceAndTheFeedResumesWhenItIsBack() throws Exception {
        PgCluster pg = PgCluster.get();
        String db = PgCluster.databaseOf(pg.newDatabase());
        feed = ChangeFeed.start(() -> pg.connect(db), recorder, QUICK);
        awaitListening(pg, db);

        pg.stop();
        try {
            assertThat(next()).isEqualTo("unreachable");
            Thread.sleep(1_000);   // several failed retries meanwhile
            assertThat(events).as("one sentence per outage, not one per retry").isEmpty();
        } finally {
            pg.start();
        }
        assertThat(next()).isEqualTo("resumed");

        try (Connection other = pg.connect(db)) {
            notify(other, "7");
        }
        assertThat(next()).isEqualTo("changed 7");
    }

    @Test
    void closingStopsTheFeedAndItsConnectionAtOnce() throws Exception {
        PgCluster pg = PgCluster.get();
        String db = PgCluster.databaseOf(pg.newDatabase());
        feed = ChangeFeed.start(() -> pg.connect(db), recorder, ChangeFeed.Timing.STANDARD);
        awaitListening(pg, db);

        feed.close();

        try (Connection other = pg.connect(db); Statement s = other.createStatement();
             var r = s.executeQuery("select count(*) from pg_stat_activity where query like 'LISTEN%'")) {
            r.next();
            assertThat(r.getInt(1)).isZero();
        }
    }

    private String next() throws InterruptedException {
        String event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("an event within 10 s").isNotNull();
        return event;
    }

    /** The feed connects in the background: wait until its LISTEN is in place, so no test NOTIFY is sent before it. */
    private static void awaitListening(PgCluster pg, String db) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            try (Connection c = pg.connect(db); Statement s = c.createStatement();
                 var r = s.executeQuery("select count(*) from pg_stat_activity where datname = current_database()"
                         + " and query like 'LISTEN%'")) {
                r.next();
                if (r.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the feed never listened");
    }

    private static void notify(Connection connection, String payload) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("NOTIFY " + ChangeFeed.CHANNEL + ", '" + payload + "'");
        }
    }
}
