package com.keydesk.store;

import com.keydesk.crypto.KeyFormat;
import com.keydesk.domain.ApiKey;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.KeyEdit;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.service.Services;
import com.keydesk.service.Session;
import com.keydesk.service.StoreCreation;
import com.keydesk.testing.MutableClock;
import com.keydesk.testing.PgCluster;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one statement verification reads ({@link KeyCheck}) gives exactly what the separate reads it
 * replaces give, on both engines: the key as KeyRepository maps it, its hash, the canonical states
 * of the key and its owner as RowStates writes them (nulls, times, flags, a description, a display
 * name, a disabled key's remembered set), and the newest digests the audit chain holds; and it
 * finds each part through an index.
 */
class KeyCheckTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void oneStatementReadsWhatTheSeparateReadsRead(String engine) {
        MutableClock clock = new MutableClock();
        StoreAddress address = engine.equals("h2") ? new StoreAddress.Local(temp.resolve("store"))
                : new TeamStore(PgAddress.parse(PgCluster.get().newDatabase(), "postgres"), null);
        StoreCreation.Created store = StoreCreation.create(address, "Acme", TestStore.ADMIN,
                TestStore.ADMIN_PASSWORD.toCharArray(), db -> Services.over(db, TestStore.CHEAP, clock, new SecureRandom()));
        try {
            Services services = store.services();
            Session admin = store.session();
            services.users().add(admin, "bob", "Bob Example", false, "bob password 123".toCharArray());
            services.users().add(admin, "carol", null, true, "carol password 123".toCharArray());
            List<IssuedKey> keys = new ArrayList<>();
            keys.add(services.keys().create(admin, NewKey.site("plain site key", null, null)));
            keys.add(services.keys().create(admin, NewKey.site("site key, described", "a note\nover two lines",
                    clock.instant().plus(Duration.ofDays(30)))));
            keys.add(services.keys().create(admin, NewKey.forUser("bob", "bob's", "desc", PermissionSet.DESKTOP_APP,
                    clock.instant().plus(Duration.ofDays(2)))));
            keys.add(services.keys().create(admin, NewKey.forUser("carol", "carol's", null, PermissionSet.FULL, null)));
            IssuedKey disabled = services.keys().create(admin, NewKey.forUser("bob", "disabled", null, PermissionSet.SYNC_APP, null));
            services.keys().disable(admin, disabled.key().id());
            services.keys().update(admin, disabled.key().id(), new KeyEdit("disabled, renamed", "now described", null, false));
            keys.add(disabled);
            IssuedKey used = services.keys().create(admin, NewKey.forUser(TestStore.ADMIN, "used", null, PermissionSet.FULL, null));
            services.verifier().verify(used.secret().reveal());   // last_use_at set: read, but in no state
            keys.add(used);
            services.users().setActive(admin, "carol", false);

            for (IssuedKey issued : keys) {
                long id = issued.key().id();
                String lookupId = KeyFormat.parse(issued.secret().reveal()).lookupId();
                store.db().inTransaction(cfg -> {
                    KeyCheck check = KeyCheck.byLookupId(cfg.dsl(), lookupId).orElseThrow();
                    KeyRepository repository = new KeyRepository(cfg.dsl());
                    ApiKey expected = repository.findById(id).orElseThrow();
                    assertThat(check.key()).isEqualTo(expected);
                    assertThat(check.secretHash()).isEqualTo(repository.storedByLookupId(lookupId).orElseThrow().secretHash());
                    RowStates states = new RowStates(cfg.dsl());
                    AuditRepository audit = new AuditRepository(cfg.dsl());
                    assertThat(check.keyState()).isEqualTo(states.key(id).orElseThrow());
                    assertThat(check.keyBound()).isNotNull().isEqualTo(audit.latestRowDigest("api_key:" + id).orElseThrow());
                    if (expected.userId() == null) {
                        assertThat(check.ownerState()).isNull();
                        assertThat(check.ownerBound()).isNull();
                    } else {
                        assertThat(check.ownerState()).isEqualTo(states.user(expected.userId()).orElseThrow());
                        assertThat(check.ownerBound()).isNotNull()
                                .isEqualTo(audit.latestRowDigest("user:" + expected.userId()).orElseThrow());
                    }
                    assertThat(check.toString()).doesNotContain(check.secretHash());
                    return null;
                });
            }
            store.db().inTransaction(cfg -> {
                assertThat(KeyCheck.byLookupId(cfg.dsl(), "nosuchlookupid")).isEmpty();
                assertThat(plan(cfg.dsl(), engine)).as("the key by its lookup id, each digest through the target index")
                        .containsIgnoringCase("api_key_lookup_id_unique")
                        .satisfies(p -> assertThat(p.toLowerCase().split("audit_entry_target_seq", -1)).hasSize(3));
                return null;
            });
        } finally {
            store.db().close();
        }
    }

    /** EXPLAIN of the statement; PostgreSQL is told a table scan is as dear as can be, as the tables here are tiny. */
    private static String plan(org.jooq.DSLContext tx, String engine) {
        return tx.connectionResult(c -> {
            if (!engine.equals("h2")) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL enable_seqscan = off");
                }
            }
            try (PreparedStatement explain = c.prepareStatement("EXPLAIN " + KeyCheck.SQL)) {
                explain.setString(1, "nosuchlookupid");
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        });
    }
}
