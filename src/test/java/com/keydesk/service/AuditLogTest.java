package com.keydesk.service;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.KeyEdit;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionDeniedException;
import com.keydesk.domain.PermissionSet;
import com.keydesk.testing.StoreSnapshot;
import com.keydesk.testing.TestEngine;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The hash-chained audit log: every change is written, and any edit made behind its back is found. */
class AuditLogTest {
    @TempDir
    Path temp;
    private TestStore store;
    private AuditService audit;

    @BeforeEach
    void setUp() {
        store = TestStore.in(temp);
        audit = store.services.audit();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void setupStartsTheLog() {
        assertThat(StoreSnapshot.audit(store)).extracting(AuditEntry::action).containsExactly("site.created", "user.created", "store.rows_bound");
        assertThat(audit.verify(store.admin).intact()).isTrue();
    }

    @Test
    void everyChangeWritesAnEntry() {
        int start = StoreSnapshot.audit(store).size();
        KeyService keys = store.services.keys();
        UserService users = store.services.users();
        Session bob = store.addUser("bob");
        store.allowUsersToCreateKeys(true);
        ApiKey key = keys.create(store.admin, NewKey.forUser("bob", "k", null, PermissionSet.FILES_ONLY, null)).key();
        keys.disable(store.admin, key.id());
        keys.enable(store.admin, key.id(), null);
        keys.update(store.admin, key.id(), new KeyEdit("renamed", null, null, false));
        ApiKey replaced = keys.replace(store.admin, key.id()).key();
        keys.revoke(store.admin, replaced.id());
        users.setAdmin(store.admin, "bob", true);
        users.setAdmin(store.admin, "bob", false);
        users.setActive(store.admin, "bob", false);
        users.setActive(store.admin, "bob", true);
        users.changeOwnPassword(bob, "bob password 123".toCharArray(), "bob's new password".toCharArray());
        catchThrowable(() -> store.services.auth().signIn("bob", "wrong".toCharArray()));
        catchThrowable(() -> keys.create(bob, NewKey.site("not allowed", null, null)));

        List<AuditEntry> added = StoreSnapshot.audit(store).subList(start, StoreSnapshot.audit(store).size());
        assertThat(added).extracting(AuditEntry::action).containsExactly(
                "user.created", "site.settings_changed", "api_key.created", "api_key.disabled", "api_key.enabled",
                "api_key.updated", "api_key.revoked", "api_key.replaced", "api_key.revoked", "user.promoted", "user.demoted",
                "user.deactivated", "user.activated", "user.password_changed", "auth.sign_in_failed", "api_key.created");
        assertThat(added.getLast().outcome()).isEqualTo(AuditEntry.OUTCOME_DENIED);
        assertThat(added.getLast().actor()).isEqualTo("bob");
        assertThat(added.get(2)).satisfies(e -> {
            assertThat(e.actor()).isEqualTo(TestStore.ADMIN);
            assertThat(e.target()).isEqualTo("api_key:" + key.id());
            assertThat(e.outcome()).isEqualTo(AuditEntry.OUTCOME_OK);
            assertThat(e.at()).isEqualTo(store.clock.instant());
        });
        assertThat(audit.verify(store.admin).intact()).isTrue();
    }

    @Test
    void entriesAreNumberedAndChainedInOrder() {
        store.siteKey("a");
        store.siteKey("b");

        List<AuditEntry> entries = StoreSnapshot.audit(store);
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).seq()).isEqualTo(i + 1);
            String previous = i == 0 ? "0".repeat(64) : entries.get(i - 1).entryHash();
            assertThat(entries.get(i).prevHash()).isEqualTo(previous);
        }
    }

    @Test
    void intactLogSaysSo() {
        makeSomeHistory();

        AuditVerification result = audit.verify(store.admin);

        assertThat(result.intact()).isTrue();
        assertThat(result.firstBrokenSeq()).isEqualTo(-1);
        assertThat(result.entriesChecked()).isEqualTo(StoreSnapshot.audit(store).size());
    }

    @Test
    void changedDetailIsFound() {
        makeSomeHistory();

        tamper("UPDATE audit_entry SET detail = 'nothing to see here' WHERE seq = 4");

        assertBrokenAt(4);
    }

    @Test
    void changedActorTimeOrOutcomeIsFound() {
        makeSomeHistory();
        tamper("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 5");
        assertBrokenAt(5);

        tamper("UPDATE audit_entry SET actor = 'alice' WHERE seq = 5");
        // a second later, in each engine's own words
        tamper(TestEngine.postgresql() ? "UPDATE audit_entry SET at = at + interval '1 second' WHERE seq = 3"
                : "UPDATE audit_entry SET at = DATEADD(SECOND, 1, at) WHERE seq = 3");
        assertBrokenAt(3);
    }

    @Test
    void theNewestEntriesAreTheLogsLastOnesOldestFirstForAnAdministratorOnly() {
        Session bob = store.addUser("bob");
        store.siteKey("one");
        store.siteKey("two");
        List<AuditEntry> whole = store.services.audit().entries(store.admin);

        AuditService.Newest newest = store.services.audit().newest(store.admin, 2);
        assertThat(newest.entries()).isEqualTo(whole.subList(whole.size() - 2, whole.size()));
        assertThat(newest.total()).isEqualTo(whole.size());
        assertThat(store.services.audit().newest(store.admin, whole.size() + 5).entries()).isEqualTo(whole);
        assertThatThrownBy(() -> store.services.audit().newest(bob, 2)).isInstanceOf(PermissionDeniedException.class);
        assertThat(StoreSnapshot.lastAudit(store).action()).as("the refusal is audited").isEqualTo("audit.viewed");
    }

    @Test
    void deniedTurnedIntoOkIsFound() {
        Session bob = store.addUser("bob");
        assertThatThrownBy(() -> store.services.users().list(bob)).isInstanceOf(PermissionDeniedException.class);
        long denied = StoreSnapshot.lastAudit(store).seq();
        store.siteKey("after");

        tamper("UPDATE audit_entry SET outcome = 'ok' WHERE seq = " + denied);

        assertBrokenAt(denied);
    }

    @Test
    void deletedMiddleEntryIsFound() {
        makeSomeHistory();

        tamper("DELETE FROM audit_entry WHERE seq = 4");

        assertBrokenAt(4);
    }

    @Test
    void swappedEntriesAreFound() {
        makeSomeHistory();

        tamper("UPDATE audit_entry SET seq = -1 WHERE seq = 3");
        tamper("UPDATE audit_entry SET seq = 3 WHERE seq = 6");
        tamper("UPDATE audit_entry SET seq = 6 WHERE seq = -1");

        assertBrokenAt(3);
    }

    @Test
    void deletedLastEntryIsFoundThroughTheHead() {
        makeSomeHistory();
        long last = StoreSnapshot.lastAudit(store).seq();

        tamper("DELETE FROM audit_entry WHERE seq = " + last);

        assertBrokenAt(last);
        assertThat(audit.verify(store.admin).message()).contains("cut off");
    }

    @Test
    void entryRewrittenWithAFreshHashIsFoundAtTheNextLink() {
        makeSomeHistory();
        AuditEntry original = StoreSnapshot.audit(store).get(3);
        AuditEntry forged = new AuditEntry(original.seq(), original.at(), original.actor(), original.action(),
                original.target(), original.outcome(), "forged", original.rowDigest(), original.prevHash(), null);

        tamper("UPDATE audit_entry SET detail = 'forged', entry_hash = '" + AuditChain.hashOf(forged)
                + "' WHERE seq = " + original.seq());

        AuditVerification result = audit.verify(store.admin);
        assertThat(result.intact()).isFalse();
        // the rewritten entry is consistent in itself; the chain breaks where the next one points back
        assertThat(result.firstBrokenSeq()).isBetween(original.seq(), original.seq() + 1);
    }

    @Test
    void entryAddedBehindTheLogsBackIsFound() {
        makeSomeHistory();
        AuditEntry last = StoreSnapshot.lastAudit(store);
        AuditEntry forged = new AuditEntry(last.seq() + 1, last.at(), "alice", "api_key.created", "api_key:99",
                "ok", "invented", null, last.entryHash(), null);

        tamper("INSERT INTO audit_entry (seq, at, actor, action, target, outcome, detail, prev_hash, entry_hash) VALUES ("
                + forged.seq() + ", CURRENT_TIMESTAMP, 'alice', 'api_key.created', 'api_key:99', 'ok', 'invented', '"
                + forged.prevHash() + "', '" + AuditChain.hashOf(forged) + "')");

        AuditVerification result = audit.verify(store.admin);
        assertThat(result.intact()).isFalse();
    }

    @Test
    void changedHeadIsFound() {
        makeSomeHistory();

        tamper("UPDATE audit_head SET last_hash = '" + "f".repeat(64) + "'");

        assertThat(audit.verify(store.admin).intact()).isFalse();
    }

    @Test
    void laterAppendsDoNotHideEarlierTampering() {
        makeSomeHistory();
        tamper("DELETE FROM audit_entry WHERE seq = (SELECT MAX(seq) FROM audit_entry)");
        long removed = StoreSnapshot.lastAudit(store).seq() + 1;

        store.siteKey("written after the tampering");
        store.siteKey("and another");

        assertBrokenAt(removed);
    }

    @Test
    void timestampsWithNanosecondsStillVerify() {
        store.clock.set(Instant.parse("2026-07-01T12:34:56.123456789Z"));
        makeSomeHistory();
        store.clock.advance(Duration.ofNanos(999));
        store.siteKey("odd nanos");

        assertThat(audit.verify(store.admin).intact()).isTrue();
        assertThat(StoreSnapshot.lastAudit(store).at())
                .isEqualTo(store.clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void concurrentChangesKeepTheChainWhole() throws Exception {
        Session bob = store.addUser("bob");
        int before = StoreSnapshot.audit(store).size();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                work.add(pool.submit(() -> {
                    if (n % 3 == 0) {
                        catchThrowable(() -> store.services.users().list(bob));
                    } else {
                        store.siteKey("parallel " + n);
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        List<AuditEntry> entries = StoreSnapshot.audit(store);
        assertThat(entries).hasSize(before + 24);
        assertThat(entries).extracting(AuditEntry::seq).doesNotHaveDuplicates();
        assertThat(audit.verify(store.admin).intact()).isTrue();
    }

    private void makeSomeHistory() {
        store.addUser("bob");
        ApiKey key = store.siteKey("one").key();
        store.services.keys().disable(store.admin, key.id());
        store.services.keys().enable(store.admin, key.id(), null);
        store.siteKey("two");
        assertThat(StoreSnapshot.audit(store)).hasSizeGreaterThanOrEqualTo(7);
        assertThat(audit.verify(store.admin).intact()).isTrue();
    }

    private void tamper(String sql) {
        store.db.inTransaction(cfg -> cfg.dsl().execute(sql));
    }

    private void assertBrokenAt(long seq) {
        AuditVerification result = audit.verify(store.admin);
        assertThat(result.intact()).as(result.message()).isFalse();
        assertThat(result.firstBrokenSeq()).as(result.message()).isEqualTo(seq);
        assertThat(result.message()).isNotBlank();
    }
}
