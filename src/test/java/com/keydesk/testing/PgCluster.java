package com.keydesk.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for the tests of this JVM: made by {@code initdb} in a temporary
 * folder on first use, listening on 127.0.0.1 and a free port, stopped and deleted when the JVM
 * exits. Durability is switched off (fsync, full-page writes, synchronous commit) unless
 * {@value #DURABLE} is set: a
 * {@link #restart()} is a clean "fast" restart that keeps every commit, which is what the outage
 * tests need; only a power cut would lose data, and tests make none.
 *
 * <p>As root (CI here) every server program runs as the {@code postgres} user, because initdb and
 * the server refuse to run as root. Where no PostgreSQL is installed, {@link #get()} skips the
 * calling test loudly, or fails it under {@code CI=true}.
 */
public final class PgCluster {
    static final String SKIPPED = "*** PostgreSQL is not installed: the PostgreSQL tests were SKIPPED ***";
    static final String FAILED_UNDER_CI = "*** PostgreSQL is not installed: under CI=true the PostgreSQL tests FAILED ***";
    private static final String FOLDER_PREFIX = "keydesk-pg-";
    private static final String OWNER_FILE = "owner.pid";
    /**
     * Every new database is a copy of this empty one, which no one ever connects to: CREATE DATABASE
     * refuses a template with sessions, and a test may well be connected to template1.
     */
    private static final String TEMPLATE = "kd_template";

    /**
     * System property: when "true" the cluster keeps PostgreSQL's durable defaults (fsync, synchronous
     * commit, full-page writes), as the benchmarks need; tests leave it unset and run faster.
     */
    public static final String DURABLE = "keydesk.pg.durable";

    private static PgCluster cluster;
    private static String startFailure;

    private final Path bin;
    private final Path folder;
    private final Path data;
    private final Path log;
    /** Chosen free just before the start; another program may take it first, and then we choose again. */
    private volatile int port;
    private final AtomicInteger databases = new AtomicInteger();
    private Connection admin;

    private PgCluster(Path bin, Path folder) {
        this.bin = bin;
        this.folder = folder;
        this.data = folder.resolve("data");
        this.log = folder.resolve("server.log");
    }

    /** Whether initdb and pg_ctl were found (the newest Debian /usr/lib/postgresql/N/bin, or the PATH). */
    public static boolean installed() {
        return PgBinaries.find() != null;
    }

    /** This JVM's cluster, started on the first call. Skips the calling test if PostgreSQL is missing. */
    public static synchronized PgCluster get() {
        if (cluster != null) {
            return cluster;
        }
        Path bin = PgBinaries.find();
        if (bin == null) {
            PgSkipReport.skipped();
            if (underCi()) {
                Assertions.fail("PostgreSQL is not installed, and under CI=true a skipped PostgreSQL test is a "
                        + "failure: install Debian's postgresql package (or set KEYDESK_PG_BIN to its bin folder)");
            }
            Assumptions.abort(SKIPPED);
        }
        if (startFailure != null) {
            throw new IllegalStateException("the test PostgreSQL cluster failed to start earlier: " + startFailure);
        }
        try {
            cluster = startNew(bin);
            return cluster;
        } catch (RuntimeException e) {
            startFailure = e.getMessage();
            throw e;
        }
    }

    private static PgCluster startNew(Path bin) {
        removeAbandonedClusters(bin);
        long began = System.nanoTime();
        Path folder = PgBinaries.newOwnedFolder(FOLDER_PREFIX);
        writeOwner(folder);
        PgCluster made = new PgCluster(bin, folder);
        Runtime.getRuntime().addShutdownHook(new Thread(made::destroy, "stop test PostgreSQL"));
        made.initdb();
        made.startOnAFreePort();
        made.sql("CREATE DATABASE " + TEMPLATE + " TEMPLATE template0");
        System.err.printf("test PostgreSQL %s started on 127.0.0.1:%d in %d ms (%s)%n", bin.getParent().getFileName(),
                made.port, (System.nanoTime() - began) / 1_000_000, folder);
        return made;
    }

    static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public int port() {
        return port;
    }

    /** How many databases {@link #newDatabase} has made so far in this JVM's cluster (0 before it starts). */
    static synchronized int databasesMade() {
        return cluster == null ? 0 : cluster.databases.get();
    }

    /**
     * Drops the databases made after the first {@code keep} (see {@link PgTestScope}): each is about
     * 7 MB, and a run makes hundreds. Sessions still open on them are ended.
     */
    static synchronized void dropDatabasesAfter(int keep) {
        if (cluster == null) {
            return;
        }
        for (int n = cluster.databases.get(); n > keep; n--) {
            try {
                cluster.sql("DROP DATABASE IF EXISTS kd_" + n + " WITH (FORCE)");
            } catch (IllegalStateException e) {
                return;   // the server is stopped (an outage test): the folder goes at exit anyway
            }
        }
    }

    /** A new, empty database; its address in the libpq form KeyDesk takes (--store, KEYDESK_STORE). */
    public String newDatabase() {
        String name = "kd_" + databases.incrementAndGet();
        sql("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return url(name);
    }

    public String url(String database) {
        return "postgresql://postgres@127.0.0.1:" + port + "/" + database;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The database name at the end of a {@link #newDatabase()} address. */
    public static String databaseOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
    }

    /** A plain JDBC connection as the superuser; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    /** Runs SQL through psql, the way a DBA would; returns its unaligned, tuples-only output. */
    public String psql(String database, String sql) {
        List<String> command = List.of(bin.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At",
                "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", "-d", database, "-c", sql);
        return PgBinaries.run(command, 60).strip();
    }

    /** A clean restart ("fast": sessions are cut, open transactions roll back, commits are kept). */
    public synchronized void restart() {
        closeAdmin();
        pgCtl("-w", "-t", "60", "-m", "fast", "-l", log.toString(), "-o", serverOptions(), "restart");
    }

    public synchronized void stop() {
        closeAdmin();
        pgCtl("-w", "-t", "60", "-m", "fast", "stop");
    }

    public synchronized void start() {
        pgCtl("-w", "-t", "60", "-l", log.toString(), "-o", serverOptions(), "start");
    }

    /** The server's data folder (PGDATA): for tests that look at what the server wrote to disk. */
    public Path dataDirectory() {
        return data;
    }

    /** The end of the server's log, for failure messages. */
    public String logTail() {
        return PgBinaries.tail(log, 30);
    }

    private void startOnAFreePort() {
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            try {
                start();
                return;
            } catch (IllegalStateException e) {
                boolean taken = logTail().contains("could not bind") || logTail().contains("already in use");
                if (!taken || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private void initdb() {
        PgBinaries.runAsServerUser(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "--no-sync",
                "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C"), 120);
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString()));
        command.addAll(List.of(arguments));
        try {
            PgBinaries.runAsServerUser(command, 120);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\n--- server log (" + log + ") ---\n" + logTail(), e);
        }
    }

    private String serverOptions() {
        // no shell quoting needed: pg_ctl splits this string on spaces, and the folder has none
        String options = "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c max_connections=200";
        // the benchmarks measure a server as a team would run it: every commit flushed to disk
        return Boolean.getBoolean(DURABLE) ? options
                : options + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
    }

    /** Runs one statement on the maintenance database through a connection kept for that. */
    private synchronized void sql(String statement) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (admin == null || admin.isClosed()) {
                    admin = connect("postgres");
                }
                try (Statement s = admin.createStatement()) {
                    s.execute(statement);
                }
                return;
            } catch (SQLException e) {
                closeAdmin();
                // a restart by another test cuts this connection: one fresh try
                if (attempt == 2 || !"57P01".equals(e.getSQLState()) && !"08006".equals(e.getSQLState())) {
                    throw new IllegalStateException(statement + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private void closeAdmin() {
        if (admin != null) {
            try {
                admin.close();
            } catch (SQLException ignored) {
                // a connection the server already cut
            }
            admin = null;
        }
    }

    /**
     * The shutdown hook: stop without a checkpoint (nothing here needs keeping), then delete the
     * folder in a process of its own. Surefire halts a test JVM whose shutdown takes over 30 s, and
     * deleting a cluster's many files in a busy JVM took longer than that.
     */
    private void destroy() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                PgBinaries.runAsServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w",
                        "-m", "immediate", "stop"), 30);
            }
        } catch (RuntimeException e) {
            System.err.println("could not stop the test PostgreSQL in " + folder + ": " + e.getMessage());
            return;
        }
        PgBinaries.deleteInBackground(folder);
    }

    /** Clusters left by test JVMs that were killed (no shutdown hook ran): stop them and free the disk. */
    private static void removeAbandonedClusters(Path bin) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path folder : entries.filter(p -> p.getFileName().toString().startsWith(FOLDER_PREFIX)
                    && Files.isDirectory(p)).toList()) {
                if (!abandoned(folder)) {
                    continue;
                }
                try {
                    PgBinaries.runAsServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D",
                            folder.resolve("data").toString(), "-m", "immediate", "stop"), 30);
                } catch (RuntimeException alreadyStopped) {
                    // nothing ran there
                }
                PgBinaries.deleteInBackground(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Its JVM is gone; or, without an owner file (a deletion cut short), nothing has touched it for
     * an hour. A folder being made right now has no owner file for a moment: it is recent.
     */
    private static boolean abandoned(Path folder) throws IOException {
        try {
            long pid = Long.parseLong(Files.readString(folder.resolve(OWNER_FILE)).strip());
            return !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException noOwner) {
            return Files.getLastModifiedTime(folder).toInstant().isBefore(java.time.Instant.now().minusSeconds(3600))
                    && !Files.exists(folder.resolve("data").resolve("postmaster.pid"));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeOwner(Path folder) {
        try {
            Files.writeString(folder.resolve(OWNER_FILE), String.valueOf(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
