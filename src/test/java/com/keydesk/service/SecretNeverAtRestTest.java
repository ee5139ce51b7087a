package com.keydesk.service;

import com.keydesk.crypto.KeyTexts;
import com.keydesk.domain.ApiKey;
import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.KeyRejectedException;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.store.TeamStore;
import com.keydesk.testing.PgCluster;
import com.keydesk.testing.StoreSnapshot;
import com.keydesk.testing.TestEngine;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Only a hash is ever stored: after many keys are made, replaced and checked, no file under
 * the store, no audit entry and no printed object or exception holds a secret. On PostgreSQL "the
 * store's files" are the database's own files in the server's data folder, dead row versions
 * included, and the write-ahead log the server wrote meanwhile.
 */
class SecretNeverAtRestTest {
    private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE);

    @TempDir
    Path temp;
    private TestStore store;
    private final List<String> secrets = new ArrayList<>();
    private final List<Object> printed = new ArrayList<>();
    private final String marker = "needle-" + UUID.randomUUID();
    private String firstWalFile;

    @BeforeEach
    void exerciseEveryPathThatTouchesASecret() {
        if (TestEngine.postgresql()) {
            firstWalFile = PgCluster.get().psql("postgres", "select pg_walfile_name(pg_current_wal_lsn())");
        }
        store = TestStore.in(temp);
        store.addUser("bob");
        KeyService keys = store.services.keys();
        KeyVerifier verifier = store.services.verifier();
        for (int i = 0; i < 12; i++) {
            IssuedKey issued = i % 3 == 0
                    ? keys.create(store.admin, NewKey.site(marker + " site " + i, null, null))
                    : keys.create(store.admin, NewKey.forUser("bob", marker + " user " + i, null, PermissionSet.FILES_ONLY,
                    store.clock.instant().plus(Duration.ofDays(1))));
            remember(issued);
            printed.add(verifier.verify(issued.secret().reveal()));
        }
        List<ApiKey> all = keys.list(store.admin);
        for (int i = 0; i < 4; i++) {
            IssuedKey replacement = keys.replace(store.admin, all.get(i).id());
            remember(replacement);
            printed.add(verifier.verify(replacement.secret().reveal()));
        }
        keys.disable(store.admin, all.get(5).id());
        keys.revoke(store.admin, all.get(6).id());

        // every way verification can refuse, with the secret in hand
        for (String secret : List.copyOf(secrets)) {
            rejected(secret.substring(0, secret.length() - 1) + (secret.endsWith("a") ? "b" : "a"));
            rejected(KeyTexts.withSecret(secret, "Z".repeat(43)));
            rejected(KeyTexts.withMarker(secret, secret.charAt(2) == 'u' ? 's' : 'u'));
            rejected(secret.toUpperCase());
        }
        store.clock.advance(Duration.ofDays(2));
        for (String secret : secrets) {
            try {
                printed.add(verifier.verify(secret));
            } catch (KeyRejectedException e) {
                printed.add(e);
            }
        }
        printed.addAll(keys.list(store.admin));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void noFileUnderTheStoreHoldsASecret() throws IOException {
        store.db.close();
        List<Path> files = TestEngine.postgresql() ? teamStoreFiles() : filesUnder(temp);
        assertThat(files).isNotEmpty();

        boolean markerFound = false;
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            markerFound |= bytes.contains(marker);
            for (String secret : secrets) {
                for (String part : sensitiveParts(secret)) {
                    for (Charset encoding : ENCODINGS) {
                        assertThat(bytes.contains(new String(part.getBytes(encoding), StandardCharsets.ISO_8859_1)))
                                .as("%s holds a secret (%s)", file.getFileName(), encoding).isFalse();
                    }
                }
            }
            assertThat(bytes).as("%s holds the administrator's password", file.getFileName())
                    .doesNotContain(TestStore.ADMIN_PASSWORD);
        }
        // the search can find plain text in these files: the key names are there
        assertThat(markerFound).as("key names are readable in the store's files").isTrue();
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    /** The database's files (after a checkpoint wrote every change there) and the WAL since the test began. */
    private List<Path> teamStoreFiles() throws IOException {
        PgCluster pg = PgCluster.get();
        String database = ((TeamStore) store.db.address()).address().database();
        pg.psql("postgres", "checkpoint");
        String oid = pg.psql("postgres", "select oid from pg_database where datname = '" + database + "'");
        String lastWalFile = pg.psql("postgres", "select pg_walfile_name(pg_current_wal_lsn())");
        List<Path> files = new ArrayList<>(filesUnder(pg.dataDirectory().resolve("base").resolve(oid)));
        for (Path wal : filesUnder(pg.dataDirectory().resolve("pg_wal"))) {
            String name = wal.getFileName().toString();
            if (name.length() == 24 && name.compareTo(firstWalFile) >= 0 && name.compareTo(lastWalFile) <= 0) {
                files.add(wal);
            }
        }
        return files;
    }

    @Test
    void noAuditEntryHoldsASecret() {
        List<AuditEntry> entries = StoreSnapshot.audit(store);
        assertThat(entries).hasSizeGreaterThan(secrets.size());

        for (AuditEntry e : entries) {
            assertNoSecretIn(e.toString());
        }
    }

    @Test
    void noPrintedObjectOrExceptionHoldsASecret() {
        assertThat(printed).hasSizeGreaterThan(secrets.size() * 5);

        for (Object o : printed) {
            assertNoSecretIn(o.toString());
            if (o instanceof Throwable t) {
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                assertNoSecretIn(trace.toString());
            }
        }
    }

    private void remember(IssuedKey issued) {
        secrets.add(issued.secret().reveal());
        printed.add(issued);
        printed.add(issued.secret());
        printed.add(issued.key());
    }

    private void rejected(String presented) {
        printed.add(catchThrowableOfType(KeyRejectedException.class, () -> store.services.verifier().verify(presented)));
    }

    /** The whole key, its secret part, and the longest '_'-separated part (secret plus checksum). */
    private static List<String> sensitiveParts(String key) {
        return List.of(key, KeyTexts.secretPart(key), key.substring(key.lastIndexOf('_') + 1));
    }

    private void assertNoSecretIn(String text) {
        for (String secret : secrets) {
            for (String part : sensitiveParts(secret)) {
                assertThat(text).doesNotContain(part);
            }
            // nor a good share of it
            String secretPart = KeyTexts.secretPart(secret);
            assertThat(text).doesNotContain(secretPart.substring(0, 16)).doesNotContain(secretPart.substring(20, 36));
        }
    }
}
