package com.keydesk.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TEMPORARY, until PgCluster (branch pgtest) is on main: a throwaway PostgreSQL cluster for this
 * JVM's tests, as /work/shared/checks/team-store-contract starts one (initdb in a temporary folder,
 * a free port, as the postgres user when run as root). Same method names as PgCluster, so
 * switching is a rename.
 */
public final class InterimPg {
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static InterimPg cluster;
    private final Path folder;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private InterimPg(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    public static synchronized InterimPg get() {
        Assumptions.assumeTrue(Files.isExecutable(BIN.resolve("initdb")), "PostgreSQL is not installed: SKIPPED");
        if (cluster == null) {
            try {
                Path folder = Files.createTempDirectory("keydesk-teamui-pg");
                run(List.of("chmod", "755", folder.toString()));
                if (isRoot()) {
                    run(List.of("chown", "postgres", folder.toString()));
                }
                InterimPg made = new InterimPg(folder, freePort());
                run(as(List.of(BIN.resolve("initdb").toString(), "-D", folder.resolve("data").toString(),
                        "-A", "trust", "-U", "postgres")));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        run(as(List.of(BIN.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(),
                                "-m", "immediate", "stop")));
                        run(List.of("rm", "-rf", folder.toString()));
                    } catch (RuntimeException ignored) {
                        // best effort at exit
                    }
                }));
                made.start();
                cluster = made;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cluster;
    }

    public String newDatabase() {
        String name = "kd_" + databases.incrementAndGet();
        try (Connection c = connect("postgres"); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return url(name);
    }

    public int port() {
        return port;
    }

    public String url(String database) {
        return "postgresql://postgres@127.0.0.1:" + port + "/" + database;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public static String databaseOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    public synchronized void restart() {
        pgCtl("restart");
    }

    public synchronized void stop() {
        run(as(List.of(BIN.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-w", "-m", "fast",
                "stop")));
    }

    public synchronized void start() {
        pgCtl("start");
    }

    private void pgCtl(String verb) {
        run(as(List.of(BIN.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-w", "-m", "fast",
                "-l", folder.resolve("log").toString(), "-o",
                "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off", verb)));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> as(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> all = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        all.addAll(command);
        return all;
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
