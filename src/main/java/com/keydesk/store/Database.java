package com.keydesk.store;

import com.keydesk.domain.StoreException;
import com.keydesk.domain.StoreException.Reason;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.api.ErrorCode;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.TransactionalCallable;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;

/**
 * An open store, reached through jOOQ. The embedded H2 store is one file in a folder only its
 * owner can read; a team store is a PostgreSQL database ({@link TeamDatabase}). Both are made by
 * the same Flyway migrations and read by the same repositories. Only {@link #create} makes a new
 * store; {@link #open} refuses a place without one, and refuses a store written by a newer KeyDesk.
 */
public final class Database implements AutoCloseable {
    private final StoreAddress address;
    private final Path folder;
    private final HikariDataSource pool;
    private final TeamDatabase.Pool teamPool;
    private final DSLContext dsl;

    private Database(Path folder, HikariDataSource pool) {
        this.address = new StoreAddress.Local(folder);
        this.folder = folder;
        this.pool = pool;
        this.teamPool = null;
        this.dsl = DSL.using(pool, SQLDialect.H2, settings());
    }

    /** A team store over its pool: see {@link TeamDatabase}. */
    Database(TeamStore address, TeamDatabase.Pool teamPool) {
        this.address = address;
        this.folder = null;
        this.pool = null;
        this.teamPool = teamPool;
        this.dsl = DSL.using(new SerializableConnections(teamPool.dataSource()), SQLDialect.POSTGRES,
                settings(SQLDialect.POSTGRES));
    }

    static Settings settings() {
        return new Settings().withRenderSchema(false);
    }

    /**
     * jOOQ's classes are generated with H2's upper-case names; PostgreSQL folds the migrations'
     * unquoted names to lower case, so they are rendered in lower case (still quoted) there.
     */
    static Settings settings(SQLDialect dialect) {
        return dialect == SQLDialect.POSTGRES ? settings().withRenderNameCase(RenderNameCase.LOWER) : settings();
    }

    /** Opens the store at {@code address}: a local folder or a team store. */
    public static Database open(StoreAddress address) {
        return switch (address) {
            case StoreAddress.Local local -> open(local.folder());
            case TeamStore team -> TeamDatabase.open(team);
        };
    }

    /** Creates a store at {@code address}: an empty local folder or an empty PostgreSQL database. */
    public static Database create(StoreAddress address) {
        return switch (address) {
            case StoreAddress.Local local -> create(local.folder());
            case TeamStore team -> TeamDatabase.create(team);
        };
    }

    /** Whether a store exists at {@code address} (for a team store this asks the server). */
    public static boolean exists(StoreAddress address) {
        return switch (address) {
            case StoreAddress.Local local -> exists(local.folder());
            case TeamStore team -> TeamDatabase.exists(team);
        };
    }

    /**
     * Whether the team store can be opened: empty when it can, else one sentence saying why not
     * (unreachable, password refused, TLS, empty database, not a KeyDesk store, newer). Writes nothing.
     */
    public static java.util.Optional<String> probe(TeamStore store) {
        return TeamDatabase.probe(store);
    }

    /**
     * Removes what {@link #create} made in a team store database that was empty before, after the
     * first administrator could not be written: init leaves nothing half-made behind.
     */
    public static void discardUnfinished(TeamStore store) {
        TeamDatabase.dropNewStore(store);
    }

    /** Which store this is: what names it to a person. */
    public StoreAddress address() {
        return address;
    }

    /** True for a team store on PostgreSQL, shared with other processes. */
    public boolean isTeamStore() {
        return teamPool != null;
    }

    /**
     * Opens an existing store; a folder without one is an error, never a new empty store. The
     * store is checked before H2 opens it ({@link StoreCheck}): one changed outside KeyDesk is
     * refused without running or writing anything. Its folder must be the user's own and closed
     * to others ({@link OwnerOnly}); it is never loosened or tightened here.
     */
    public static Database open(Path folder) {
        if (!exists(folder)) {
            throw new StoreException(Reason.MISSING, "There is no KeyDesk store in " + folder
                    + ". Run 'keydesk init' (or start the desktop app) to create one, or point --data at an existing store.");
        }
        OwnerOnly.requirePrivateFolder(folder);
        OwnerOnly.requirePrivateFile(dataFile(folder));
        if (!Files.isWritable(folder) || !Files.isWritable(dataFile(folder))) {
            throw new StoreException(Reason.UNREADABLE, "The store in " + folder + " is read-only. KeyDesk must be able"
                    + " to write there to record changes and the audit log; make the folder and its files writable.");
        }
        JooqWarmUp.start();   // on a second core while the file is checked: the check is pure reading and parsing
        StoreCheck.beforeOpening(folder);
        OwnerOnly.narrowFile(dataFile(folder));
        return connectAndMigrate(folder);
    }

    /**
     * Creates a new store in a missing folder (made owner-only as it is created) or in an empty
     * one that only its owner can use. The store file is made empty and owner-only before H2
     * writes its first byte into it.
     */
    public static Database create(Path folder) {
        if (exists(folder)) {
            throw new StoreException(Reason.ALREADY_EXISTS, "A KeyDesk store already exists in " + folder + ".");
        }
        OwnerOnly.prepareFolder(folder);
        Path file = dataFile(folder);
        OwnerOnly.createFile(file);
        try {
            return connectAndMigrate(folder);
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the failure below is what matters; the next init reports the leftover file
            }
            throw e;
        }
    }

    public static boolean exists(Path folder) {
        return Files.isRegularFile(dataFile(folder));
    }

    public static Path dataFile(Path folder) {
        return folder.resolve(StoreLocation.FILE_BASE_NAME + ".mv.db");
    }

    /** The local store's folder; a team store has none. */
    public Path folder() {
        if (folder == null) {
            throw new IllegalStateException("A team store has no local folder: " + address.display());
        }
        return folder;
    }

    /**
     * Runs the work in one transaction on the nested configuration's DSLContext. On a team store
     * the transaction is SERIALIZABLE and is run again when PostgreSQL could not serialize it with
     * another process's (see {@link TeamDatabase#inTransaction}): the work must have no effect
     * outside the transaction before it returns.
     */
    public <T> T inTransaction(TransactionalCallable<T> work) {
        if (teamPool != null) {
            return TeamDatabase.inTransaction(dsl, (TeamStore) address, work);
        }
        try {
            return dsl.transactionResult(work);
        } catch (DataAccessException e) {
            throw translate(e, folder);
        }
    }

    /**
     * Runs the work on one connection with no transaction around it: each statement commits by
     * itself. Only for work that is one statement, or statements that need not see one state (a
     * single SELECT is its own consistent snapshot): verifying a key on every request of the HTTP
     * API is one read, and a transaction's begin and commit cost more than that read. On a team
     * store a statement PostgreSQL could not serialize is run again, as in {@link #inTransaction}.
     */
    public <T> T autoCommitted(java.util.function.Function<DSLContext, T> work) {
        if (teamPool != null) {
            return TeamDatabase.autoCommitted(dsl, (TeamStore) address, work);
        }
        try {
            return dsl.connectionResult(c -> work.apply(DSL.using(c, SQLDialect.H2, dsl.settings())));
        } catch (DataAccessException e) {
            throw translate(e, folder);
        }
    }

    /** Closes the store; a file that is mostly dead space is compacted first (see {@link DeadSpace}). */
    @Override
    public void close() {
        if (teamPool != null) {
            teamPool.close();
            return;
        }
        boolean compacted = false;
        try (Connection connection = pool.getConnection()) {
            if (DeadSpace.worthCompacting(connection)) {
                DeadSpace.closeCompacted(connection);
                compacted = true;
            }
        } catch (SQLException | RuntimeException e) {
            // compacting only saves disk: the store still closes below, and the next close tries again
        }
        pool.close();
        if (compacted) {
            narrowAfterCompaction();
        }
    }

    /**
     * H2 compacts by writing a new file (with the process's umask, 0644 as a rule) and moving it
     * over the store. The owner-only folder keeps it private meanwhile; here it gets its own mode back.
     */
    private void narrowAfterCompaction() {
        try {
            OwnerOnly.narrowFile(dataFile(folder));
        } catch (StoreException e) {
            // the next open narrows it again; the folder is owner-only either way
        }
    }

    private static Database connectAndMigrate(Path folder) {
        JooqWarmUp.start();
        HikariDataSource pool;
        try {
            pool = localPool(folder);
        } catch (RuntimeException e) {
            throw translateOpening(e, folder);   // in use, damaged, not a store: the first connection says
        }
        try {
            if (!isCurrent(pool)) {
                migrate(pool, "The store in " + folder);
            }
            KeyNameColumns.fillMissing(pool);
            JooqWarmUp.awaitDone();
            return new Database(folder, pool);
        } catch (StoreException e) {
            pool.close();
            throw e;
        } catch (RuntimeException | SQLException e) {
            pool.close();
            throw translateOpening(e, folder);
        }
    }

    /**
     * The local store's connections. HikariCP (as for a team store), not H2's JdbcConnectionPool:
     * that one rolls back every connection it takes back, and an H2 rollback empties the session's
     * cache of parsed statements, so every statement of every transaction was parsed anew (the
     * verification's statement: under 1 µs to prepare on a kept connection, 30–100 µs through
     * H2's pool). Hikari rolls back only a connection handed back inside a transaction. The
     * connections live as long as the store is open (nothing at the other end drops them), so
     * their caches stay warm; ten at most, as H2's pool had. Making the pool opens the first
     * connection: a store in use or damaged fails here, with H2's error as the cause.
     */
    private static HikariDataSource localPool(Path folder) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("keydesk-local-store");
        config.setJdbcUrl(url(folder));
        config.setUsername("keydesk");
        config.setPassword("");
        config.setAutoCommit(true);
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(1);
        config.setIdleTimeout(0);
        config.setMaxLifetime(0);
        return new HikariDataSource(config);
    }

    /** An existing store already at the bundled schema skips Flyway: see {@link SchemaHistory}. */
    static boolean isCurrent(javax.sql.DataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return SchemaHistory.isCurrent(connection);
        }
    }

    /** Brings the store to the bundled schema; {@code where} names it ("The store in …") in a refusal. */
    static void migrate(javax.sql.DataSource pool, String where) {
        Flyway flyway = flyway(pool);
        MigrationInfoService info = flyway.info();
        MigrationInfo current = info.current();
        // Flyway would happily run an older program on a newer schema; we refuse instead.
        MigrationVersion newest = Arrays.stream(info.all()).filter(m -> m.getState().isResolved())
                .map(MigrationInfo::getVersion).max(MigrationVersion::compareTo).orElseThrow();
        if (current != null && current.getVersion() != null && current.getVersion().compareTo(newest) > 0) {
            throw newerStore(where, current.getVersion().toString(), newest.toString());
        }
        flyway.migrate();
    }

    static Flyway flyway(javax.sql.DataSource pool) {
        return Flyway.configure().locations("classpath:db/migration").dataSource(pool).load();
    }

    /**
     * WRITE_DELAY=0: a commit is on disk before the call returns, so a change reported as done
     * survives kill -9 (the default 500 ms lost thousands of commits in a measurement). It does
     * not survive a power cut: H2 does not fsync every commit. IFEXISTS: H2 never makes a file
     * of its own; {@link #create} makes the empty, owner-only file it writes into. QUERY_CACHE_SIZE:
     * H2 keeps 8 parsed statements per connection by default; creating a key alone runs 7 different
     * ones (actor, site, insert, read back, audit head, audit entry, head update), so with sign-in
     * and verification around them every statement was parsed again each time. MAX_COMPACT_TIME=0:
     * closing decides itself whether to compact ({@link DeadSpace}), instead of rewriting part of the
     * file on every close. TRACE_LEVEL_FILE=0: H2 would otherwise write its errors (even the
     * expected one after a compacting close) to keydesk.trace.db beside the store, a file nobody
     * reads that was left behind; KeyDesk reports failures itself. CACHE_SIZE: see {@link #PAGE_CACHE_KB}.
     */
    /**
     * H2's page cache, in KB. H2 sizes it by the heap (64 MB per GB of -Xmx: 9 MB for the
     * desktop's 144 MB), and what it holds costs about twice its nominal size in objects: 20 MB of
     * the desktop's 85 MB live heap at 100,000 keys. At 4 MB the desktop's peak resident memory
     * there was 311-316 MB with keystrokes as before (p95 39-44 ms); 2 MB saved 5 MB more but made
     * the keystrokes slower (p95 47-55 ms, goal 50), and keydesk serve listed every key in 1.2 s
     * with a 48 MB heap at 4 MB against 3.0 s with H2's own size (docs/PERFORMANCE.md, "H2's page
     * cache"). H2 stores the value in the file, and every open sets it again ({@link SchemaShape}
     * allows the setting, whatever a file says, as it allows WRITE_DELAY).
     */
    static final int PAGE_CACHE_KB = 4096;

    static String url(Path folder) {
        String base = folder.resolve(StoreLocation.FILE_BASE_NAME).toAbsolutePath().toString();
        return "jdbc:h2:file:" + base + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;MAX_COMPACT_TIME=0"
                + ";TRACE_LEVEL_FILE=0;IFEXISTS=TRUE;CACHE_SIZE=" + PAGE_CACHE_KB;
    }

    /** For callers written when create let H2 make the file: every store exists before H2 opens it now. */
    static String url(Path folder, boolean mustExistIgnored) {
        return url(folder);
    }

    static StoreException newerStore(String where, String version, String newest) {
        return new StoreException(Reason.NEWER_VERSION, where + " was written by a newer KeyDesk (schema "
                + version + ", this program knows up to " + newest + "). Install the newer KeyDesk to use it.");
    }

    static StoreException inUse(Path folder, Throwable cause) {
        return new StoreException(Reason.IN_USE, "The store in " + folder
                + " is in use by another KeyDesk process. Close it and try again.", cause);
    }

    static StoreException notAStore(Path folder, Throwable cause) {
        return new StoreException(Reason.UNREADABLE, "The file " + dataFile(folder) + " is not a KeyDesk store this"
                + " program can read, or it is damaged. It was left as it is.", cause);
    }

    static StoreException translate(Throwable failure, Path folder) {
        return recognised(failure, folder).orElseGet(() -> new StoreException(Reason.UNREADABLE,
                "The store in " + folder + " could not be used: " + rootMessage(failure), failure));
    }

    /** While opening, a failure we do not recognise means the file is not a store we can read. */
    private static StoreException translateOpening(Throwable failure, Path folder) {
        return recognised(failure, folder).orElseGet(() -> notAStore(folder, failure));
    }

    /** The failures a person can act on: in use, missing, disk full, not an H2 store. */
    private static Optional<StoreException> recognised(Throwable failure, Path folder) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("No space left on device")) {
                return Optional.of(new StoreException(Reason.UNREADABLE, "The disk that holds " + folder
                        + " is full. Nothing was changed; free some space and try again.", failure));
            }
            if (t instanceof SQLException sql) {
                int code = sql.getErrorCode();
                if (code == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                    return Optional.of(inUse(folder, failure));
                }
                if (code == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1 || code == ErrorCode.DATABASE_NOT_FOUND_1) {
                    return Optional.of(new StoreException(Reason.MISSING,
                            "There is no KeyDesk store in " + folder + ".", failure));
                }
                if (code == ErrorCode.FILE_CORRUPTED_1 || code == ErrorCode.FILE_VERSION_ERROR_1) {
                    return Optional.of(notAStore(folder, failure));
                }
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "an unexpected storage error" : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
