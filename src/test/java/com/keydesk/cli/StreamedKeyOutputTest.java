package com.keydesk.cli;

import com.keydesk.crypto.Argon2Params;
import com.keydesk.domain.ApiKey;
import com.keydesk.domain.KeyStatus;
import com.keydesk.service.Services;
import com.keydesk.store.Database;
import com.keydesk.store.StoreLocation;
import com.keydesk.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code keys list} and {@code keys export} stream keys from the store to stdout; a script reading
 * them must get exactly the bytes the whole-list encoder gave ({@link WholeListOutput}), for every
 * format, filter and role, on a store full of values that are awkward to encode.
 */
class StreamedKeyOutputTest {
    private static final String ALICE_PW = "correct horse battery staple 1";
    private static final String BOB_PW = "bob password 12345";
    /** More keys than fit one 64 KB block, so blocks end between keys with multi-byte text around. */
    private static final int KEYS = 900;
    private static final String[] NAMES = {
            "Quote \" and backslash \\ and slash /",
            "Tab\there, new\nline, return\r, form\ffeed, back\bspace",
            "Controls \u0000\u0001\u001f\u007f\u0085 end",
            "Separators \u2028 and \u2029 in JSON",
            "Ünïcödé ✓ 日本語 Ελληνικά",
            "Emoji 😀🔑 and a pair split at the table's clip 😀",
            "Lone surrogates \uD800 and \uDFFF",
            "=HYPERLINK(\"x\")",
            "-1+2",
            "@sum, with a comma",
            "",
            "A name of the longest kind, far too wide for the twenty-eight columns of the table ".repeat(2).substring(0, 100)};
    /** Instant.toString prints none, three or six digits: each must come out the same. */
    private static final long[] SUB_SECONDS = {0, 123_000_000, 123_456_000, 1_000, 500_000_000};
    private static final String[] DESCRIPTIONS = {null, "", "plain", "line one\nline two\r\n\"quoted\"", "\\u0041 not an escape"};

    @TempDir
    Path temp;
    private Path store;
    private final MutableClock clock = new MutableClock();
    private final Instant now = clock.instant();

    @BeforeEach
    void storeWithAwkwardKeys() throws SQLException {
        store = temp.resolve("store");
        assertThat(run("alice", ALICE_PW, StandardCharsets.UTF_8, "init", "--site", "Acme", "--admin", "alice").exit).isZero();
        assertThat(runWithStdin(BOB_PW + "\n", "alice", ALICE_PW, "users", "add", "bob").exit).isZero();
        // straight into the store: values the services would refuse are exactly what encoding must survive
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:"
                + store.resolve(StoreLocation.FILE_BASE_NAME).toAbsolutePath() + ";IFEXISTS=TRUE", "keydesk", "")) {
            long alice = userId(c, "alice");
            long bob = userId(c, "bob");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO api_key (lookup_id, secret_hash, name,"
                    + " description, user_id, permission_set, previous_permission_set, disabled_by_admin,"
                    + " descriptive_label, created_at, created_by, expires_at, last_use_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < KEYS; i++) {
                    Long owner = switch (i % 3) {
                        case 0 -> null;
                        case 1 -> alice;
                        default -> bob;
                    };
                    boolean disabled = i % 7 == 3;
                    insert.setString(1, "lookup" + i);
                    insert.setString(2, "$argon2id$not-a-real-hash-" + i);
                    String name = NAMES[i % NAMES.length];
                    insert.setString(3, i < NAMES.length || name.length() > 90 ? name : name + " #" + i);
                    insert.setString(4, DESCRIPTIONS[i % DESCRIPTIONS.length]);
                    insert.setObject(5, owner);
                    insert.setString(6, disabled ? "none" : owner == null ? "full" : "sync_app");
                    insert.setString(7, disabled ? "files_only" : null);
                    insert.setBoolean(8, disabled && i % 2 == 0);
                    insert.setString(9, "kd" + (owner == null ? "s" : "u") + "_" + i + "…");
                    insert.setObject(10, time(now.minusSeconds(86_400L * (i + 1)).plusNanos(SUB_SECONDS[i / 3 % SUB_SECONDS.length])));
                    insert.setObject(11, i % 5 == 0 ? null : alice);
                    insert.setObject(12, switch (i % 4) {
                        case 0 -> null;
                        case 1 -> time(now.minusSeconds(60)); // expired
                        case 2 -> time(now); // expires at this very instant: expired
                        default -> time(now.plusSeconds(3600L * i).plusNanos(1_000)); // later
                    });
                    insert.setObject(13, i % 6 == 0 ? time(now.minusNanos(5_000L * i)) : null);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        // keys that are switched on but do not work: their owner is deactivated
        assertThat(runWithStdin("carol password 1234\n", "alice", ALICE_PW, "users", "add", "carol").exit).isZero();
        assertThat(run("alice", ALICE_PW, StandardCharsets.UTF_8, "keys", "create", "--for", "carol", "--name", "Carol's").exit).isZero();
        assertThat(run("alice", ALICE_PW, StandardCharsets.UTF_8, "users", "deactivate", "carol").exit).isZero();
    }

    @Test
    void listJsonIsTheWholeListEncodingForEveryStatusAndRole() {
        for (String[] who : new String[][] {{"alice", ALICE_PW}, {"bob", BOB_PW}}) {
            List<ApiKey> keys = visibleTo(who[0], who[1]);
            assertThat(keys).isNotEmpty();
            assertSameBytes(WholeListOutput.json(keys, now, StandardCharsets.UTF_8),
                    run(who[0], who[1], StandardCharsets.UTF_8, "keys", "list", "--json"));
            for (KeyStatus status : KeyStatus.values()) {
                List<ApiKey> some = keys.stream().filter(k -> k.status(now) == status).toList();
                // a signed-in non-administrator is active: none of their keys waits on a deactivated owner
                assertThat(some.isEmpty()).isEqualTo(who[0].equals("bob") && status == KeyStatus.OWNER_DEACTIVATED);
                assertSameBytes(WholeListOutput.json(some, now, StandardCharsets.UTF_8),
                        run(who[0], who[1], StandardCharsets.UTF_8, "keys", "list", "--json", "--status", status.wireName()));
            }
        }
    }

    @Test
    void theTableIsTheWholeListTable() {
        List<ApiKey> keys = visibleTo("alice", ALICE_PW);
        assertSameBytes(WholeListOutput.table(keys, now, StandardCharsets.UTF_8),
                run("alice", ALICE_PW, StandardCharsets.UTF_8, "keys", "list"));
        List<ApiKey> expired = keys.stream().filter(k -> k.status(now) == KeyStatus.EXPIRED).toList();
        assertSameBytes(WholeListOutput.table(expired, now, StandardCharsets.UTF_8),
                run("alice", ALICE_PW, StandardCharsets.UTF_8, "keys", "list", "--status", "expired"));
    }

    @Test
    void exportIsTheWholeListExportInBothFormatsAndRoles() {
        for (String[] who : new String[][] {{"alice", ALICE_PW}, {"bob", BOB_PW}}) {
            List<ApiKey> keys = visibleTo(who[0], who[1]);
            assertSameBytes(WholeListOutput.json(keys, now, StandardCharsets.UTF_8),
                    run(who[0], who[1], StandardCharsets.UTF_8, "keys", "export", "--format", "json"));
            assertSameBytes(WholeListOutput.csv(keys, now, StandardCharsets.UTF_8),
                    run(who[0], who[1], StandardCharsets.UTF_8, "keys", "export", "--format", "csv"));
        }
    }

    /** A terminal that is not UTF-8 got '?' for what it cannot show; streamed output must give the same. */
    @Test
    void aStdoutInAnotherEncodingGetsTheSameBytesAsBefore() {
        List<ApiKey> keys = visibleTo("alice", ALICE_PW);
        for (Charset charset : List.of(StandardCharsets.US_ASCII, StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16)) {
            assertSameBytes(WholeListOutput.json(keys, now, charset), run("alice", ALICE_PW, charset, "keys", "list", "--json"));
            assertSameBytes(WholeListOutput.table(keys, now, charset), run("alice", ALICE_PW, charset, "keys", "list"));
        }
    }

    @Test
    void anEmptyListIsTheSameAsBeforeInEveryFormat() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:"
                + store.resolve(StoreLocation.FILE_BASE_NAME).toAbsolutePath() + ";IFEXISTS=TRUE", "keydesk", "")) {
            c.createStatement().executeUpdate("DELETE FROM api_key");
        }
        List<ApiKey> none = List.of();
        assertSameBytes(WholeListOutput.json(none, now, StandardCharsets.UTF_8),
                run("alice", ALICE_PW, StandardCharsets.UTF_8, "keys", "list", "--json"));
        assertSameBytes(WholeListOutput.table(none, now, StandardCharsets.UTF_8),
                run("alice", ALICE_PW, StandardCharsets.UTF_8, "keys", "list"));
        assertSameBytes(WholeListOutput.csv(none, now, StandardCharsets.UTF_8),
                run("alice", ALICE_PW, StandardCharsets.UTF_8, "keys", "export", "--format", "csv"));
    }

    /** A refused sign-in or an unknown format prints nothing on stdout, as before. */
    @Test
    void aFailedCommandWritesNothingToStdout() {
        Output wrongPassword = run("alice", "not the password at all", StandardCharsets.UTF_8, "keys", "export", "--format", "csv");
        assertThat(wrongPassword.exit).isEqualTo(ExitCode.AUTHENTICATION);
        assertThat(wrongPassword.stdout).isEmpty();
        Output badFormat = run("alice", ALICE_PW, StandardCharsets.UTF_8, "keys", "export", "--format", "xml");
        assertThat(badFormat.exit).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(badFormat.stdout).isEmpty();
    }

    /** The yardstick's keys: the whole list through the service, as the command line used to read it. */
    private List<ApiKey> visibleTo(String user, String password) {
        try (Database db = Database.open(store)) {
            Services services = Services.over(db, Argon2Params.SHIPPED, clock, new SecureRandom());
            return services.keys().list(services.auth().signIn(user, password.toCharArray()));
        }
    }

    private static void assertSameBytes(byte[] expected, Output actual) {
        assertThat(actual.exit).as("exit code; stderr: %s", actual.stderr).isZero();
        assertThat(actual.stdout).as("stdout bytes").isEqualTo(expected);
    }

    private record Output(int exit, byte[] stdout, String stderr) {
    }

    private Output run(String user, String password, Charset stdoutCharset, String... args) {
        return run("", user, password, stdoutCharset, args);
    }

    private Output runWithStdin(String stdin, String user, String password, String... args) {
        return run(stdin, user, password, StandardCharsets.UTF_8, args);
    }

    private Output run(String stdin, String user, String password, Charset stdoutCharset, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = Cli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, stdoutCharset), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("KEYDESK_HOME", store.toString(), "KEYDESK_USER", user, "KEYDESK_PASSWORD", password), clock);
        return new Output(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    private static long userId(Connection c, String username) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM app_user WHERE username_key = ?")) {
            q.setString(1, username);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static LocalDateTime time(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
