package com.keydesk.store;

import com.keydesk.domain.StoreException;
import com.keydesk.domain.StoreException.Reason;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.TransactionalCallable;
import org.jooq.exception.DataAccessException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A team store: a PostgreSQL database several administrators, command lines and servers use at
 * once. Before anything is written, the database's catalogue says what it holds ({@link PgCatalog}):
 * a database that is not a KeyDesk store, is newer, or holds what KeyDesk did not make is refused
 * and left exactly as it was. Every transaction is SERIALIZABLE, so a rule that needs one order
 * (the audit chain, the last administrator, sign-in throttling) holds across processes; a
 * transaction PostgreSQL could not serialize is run again.
 */
final class TeamDatabase {
    /** Enough to get through a burst of writers on one store; each retry waits a little longer. */
    static final int MAX_ATTEMPTS = 30;

    /** The connections of one open team store. */
    record Pool(HikariDataSource dataSource) implements AutoCloseable {
        @Override
        public void close() {
            dataSource.close();
        }
    }

    private TeamDatabase() {
    }

    static Database open(TeamStore store) {
        PgCatalog.State state = inspect(store);
        switch (state.kind()) {
            case EMPTY -> throw new StoreException(Reason.MISSING, "There is no KeyDesk store in " + where(store)
                    + " yet. Run 'keydesk init' with this store (or open it in the desktop app) to make one.");
            case FOREIGN -> throw foreign(store, state);
            case KEYDESK -> refuseOddOrNewer(store, state);
        }
        return connectAndMigrate(store);
    }

    static Database create(TeamStore store) {
        PgCatalog.State state = inspect(store);
        switch (state.kind()) {
            case KEYDESK -> throw new StoreException(Reason.ALREADY_EXISTS, "A KeyDesk store already exists in " + where(store) + ".");
            case FOREIGN -> throw foreign(store, state);
            case EMPTY -> { }
        }
        return connectAndMigrate(store);
    }

    static boolean exists(TeamStore store) {
        return inspect(store).kind() == PgCatalog.Kind.KEYDESK;
    }

    /**
     * What the address leads to, from one reading of the catalogue: a KeyDesk store this program can
     * open, an empty database (where a store can be made), or a problem in one sentence
     * (unreachable, refused password, TLS, not a store, newer, changed outside KeyDesk).
     */
    static TeamStoreProbe.Result examine(TeamStore store) {
        try {
            PgCatalog.State state = inspect(store);
            return switch (state.kind()) {
                case EMPTY -> new TeamStoreProbe.Result(TeamStoreProbe.Found.EMPTY, "The database "
                        + store.address().database() + " is empty: there is no KeyDesk store in it yet.");
                case FOREIGN -> new TeamStoreProbe.Result(TeamStoreProbe.Found.PROBLEM, foreign(store, state).getMessage());
                case KEYDESK -> {
                    refuseOddOrNewer(store, state);
                    yield new TeamStoreProbe.Result(TeamStoreProbe.Found.STORE, null);
                }
            };
        } catch (StoreException e) {
            return new TeamStoreProbe.Result(TeamStoreProbe.Found.PROBLEM, e.getMessage());
        }
    }

    /** Empty when the address leads to a KeyDesk store this program can open; else {@link #examine}'s sentence. */
    static Optional<String> probe(TeamStore store) {
        return Optional.ofNullable(examine(store).sentence());
    }

    /** Reads the catalogue over one plain connection, in a read-only transaction that writes nothing. */
    private static PgCatalog.State inspect(TeamStore store) {
        try (Connection c = connect(store)) {
            c.setReadOnly(true);
            return PgCatalog.read(c);
        } catch (SQLException e) {
            throw PgFailures.translate(e, store);
        }
    }

    static Connection connect(TeamStore store) throws SQLException {
        PgAddress a = store.address();
        return DriverManager.getConnection(a.jdbcUrl(), a.properties(store.password()));
    }

    private static void refuseOddOrNewer(TeamStore store, PgCatalog.State state) {
        String newest = SchemaHistory.BUNDLED.getLast().version();
        if (state.newestVersion() != null && PgCatalog.compareVersions(state.newestVersion(), newest) > 0) {
            throw Database.newerStore("The team store " + where(store), state.newestVersion(), newest);
        }
        state.oddity().ifPresent(odd -> {
            throw new StoreException(Reason.CHANGED_OUTSIDE, "The team store " + where(store) + " was changed outside"
                    + " KeyDesk (its schema " + state.schema() + " holds " + odd + "). KeyDesk did not open it;"
                    + " its database owner must remove what KeyDesk did not make.");
        });
    }

    private static StoreException foreign(TeamStore store, PgCatalog.State state) {
        return new StoreException(Reason.UNREADABLE, "The database " + where(store) + " is not a KeyDesk store (it holds "
                + state.foreignExample() + "). KeyDesk left it as it is; name an empty database or a KeyDesk store.");
    }

    private static Database connectAndMigrate(TeamStore store) {
        HikariDataSource pool = pool(store);
        try {
            if (!Database.isCurrent(pool)) {
                Database.migrate(pool, "The team store " + where(store));
            }
            KeyNameColumns.fillMissing(pool);
            return new Database(store, new Pool(pool));
        } catch (StoreException e) {
            pool.close();
            throw e;
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw PgFailures.translate(e, store);
        }
    }

    /**
     * SERIALIZABLE on every connection; a broken connection (the server restarted) is noticed and
     * replaced by the pool; waiting for a connection is bounded so that a command never hangs.
     */
    private static HikariDataSource pool(TeamStore store) {
        PgAddress a = store.address();
        HikariConfig config = new HikariConfig();
        config.setPoolName("keydesk-team-store");
        config.setJdbcUrl(a.jdbcUrl());
        config.setDataSourceProperties(a.properties(store.password()));
        config.setTransactionIsolation("TRANSACTION_SERIALIZABLE");
        config.setAutoCommit(true);
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        // how long a call waits for a connection while the server is away: the catalogue was just read
        // over a connection of its own, so the driver is warm and a healthy server logs in quickly
        config.setConnectionTimeout(Math.max(a.connectTimeoutSeconds() + 2, 10) * 1000L);
        config.setValidationTimeout(2_000);
        config.setKeepaliveTime(60_000);
        config.setInitializationFailTimeout(-1);   // the catalogue was just read over a connection of its own
        return new HikariDataSource(config);
    }

    /**
     * One connection per attempt, taken once: while the server is down, the pool's wait for a
     * connection is paid once per call (jOOQ, left to its provider, asked again while handling the
     * failure, and a call took three waits to fail).
     */
    static <T> T inTransaction(DSLContext dsl, TeamStore store, TransactionalCallable<T> work) {
        return onOneConnection(dsl, store, c -> c.transactionResult(work));
    }

    /** As {@link #inTransaction}, each statement committing by itself (see {@link Database#autoCommitted}). */
    static <T> T autoCommitted(DSLContext dsl, TeamStore store, java.util.function.Function<DSLContext, T> work) {
        return onOneConnection(dsl, store, work);
    }

    private static <T> T onOneConnection(DSLContext dsl, TeamStore store, java.util.function.Function<DSLContext, T> work) {
        ConnectionProvider connections = dsl.configuration().connectionProvider();
        for (int attempt = 1; ; attempt++) {
            Connection connection;
            try {
                connection = connections.acquire();
            } catch (DataAccessException e) {
                throw PgFailures.translate(e, store);
            }
            try {
                return work.apply(DSL.using(connection, SQLDialect.POSTGRES, dsl.settings()));
            } catch (DataAccessException e) {
                if (attempt < MAX_ATTEMPTS && PgFailures.mustRetry(e)) {
                    pause(attempt);
                    continue;
                }
                throw PgFailures.translate(e, store);
            } finally {
                try {
                    connections.release(connection);
                } catch (DataAccessException ignored) {
                    // the pool drops a broken connection itself; the call's own outcome is what matters
                }
            }
        }
    }

    /** Random back-off so that writers that collided do not collide again in step. */
    private static void pause(int attempt) {
        long millis = ThreadLocalRandom.current().nextLong(1, 5L + 5L * Math.min(attempt, 10));
        LockSupport.parkNanos(millis * 1_000_000);
    }

    /** Drops KeyDesk's tables; only for a store {@link #create} just made in an empty database. */
    static void dropNewStore(TeamStore store) {
        try (Connection c = connect(store)) {
            c.setAutoCommit(false);
            try (var statement = c.createStatement()) {
                for (String table : PgCatalog.TABLES) {
                    statement.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw PgFailures.translate(e, store);
        }
    }

    static String where(TeamStore store) {
        return store.address().display();
    }
}
