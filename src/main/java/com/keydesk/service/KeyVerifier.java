package com.keydesk.service;

import com.keydesk.crypto.Argon2idHasher;
import com.keydesk.crypto.KeyFormat;
import com.keydesk.crypto.ParsedKey;
import com.keydesk.domain.ApiKey;
import com.keydesk.domain.KeyRejectedException;
import com.keydesk.domain.PermissionSet;
import com.keydesk.store.Database;
import com.keydesk.store.KeyCheck;
import com.keydesk.store.KeyRepository;
import com.keydesk.store.Times;

import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a presented key. Needs no sign-in: the key is the credential. The cost is one index
 * read and at most one Argon2id check, whatever the number of keys in the store: a key this
 * process has already checked is recognised by its digest in {@link VerifiedKeyCache} instead.
 * The key's state (revoked, disabled, expired, owner deactivated, type) is read from its row on
 * every call, cached or not.
 */
public final class KeyVerifier {
    /** last_use_at is written at most this often per key, so verification does not become a write storm. */
    static final Duration LAST_USE_THROTTLE = Duration.ofMinutes(1);

    private final Database db;
    private final Argon2idHasher argon2id;
    private final DummyHash dummyHash;
    private final VerifiedKeyCache verified;
    private final Clock clock;

    KeyVerifier(Database db, Argon2idHasher argon2id, DummyHash dummyHash, VerifiedKeyCache verified, Clock clock) {
        this.db = db;
        this.argon2id = argon2id;
        this.dummyHash = dummyHash;
        this.verified = verified;
        this.clock = clock;
    }

    /** Returns the key if it authenticates now; otherwise throws {@link KeyRejectedException} with the reason. */
    public ApiKey verify(String presented) {
        ParsedKey parsed = KeyFormat.parse(presented);
        // Seen before: one joined read (KeyCheck), the state checks, and the use if due. One
        // statement is its own consistent snapshot: no transaction around it (Database#autoCommitted).
        Attempt first = db.autoCommitted(dsl -> {
            Optional<KeyCheck> row = KeyCheck.byLookupId(dsl, parsed.lookupId());
            if (row.isPresent() && verified.holds(parsed, row.get().secretHash())) {
                return Attempt.accepted(acceptAndRecordUse(dsl, row.get(), parsed));
            }
            return Attempt.needsHash(row);
        });
        if (first.key() != null) {
            return first.key();
        }
        // Not seen before: the Argon2id check, outside any transaction so no row is held during it.
        // An unknown lookup id costs one hash too, so timing does not tell which ids exist.
        Optional<KeyCheck> stored = first.stored();
        String storedHash = stored.map(KeyCheck::secretHash).orElse(dummyHash.get());
        boolean matches = argon2id.verify(storedHash, parsed.secretPart().toCharArray());
        if (stored.isEmpty() || !matches) {
            throw rejected("This key is not valid. It may have been revoked or mistyped.");
        }
        verified.remember(parsed, storedHash);
        // The state as it is now, after the slow hash: a key revoked or changed meanwhile is refused.
        return db.autoCommitted(dsl -> {
            KeyCheck now = KeyCheck.byLookupId(dsl, parsed.lookupId())
                    .filter(s -> s.secretHash().equals(storedHash))
                    .orElseThrow(() -> rejected("This key has just been revoked."));
            return acceptAndRecordUse(dsl, now, parsed);
        });
    }

    /** The first transaction's outcome: accepted from the cache, or the row (if any) still to be hashed. */
    private record Attempt(ApiKey key, Optional<KeyCheck> stored) {
        static Attempt accepted(ApiKey key) {
            return new Attempt(key, Optional.empty());
        }

        static Attempt needsHash(Optional<KeyCheck> stored) {
            return new Attempt(null, stored);
        }
    }

    /**
     * The state checks every verification makes, then the throttled last-use update (a statement
     * of its own: it only ever moves last_use_at forward, and a key revoked meanwhile has no row
     * left for it to change). The key's row
     * and its owner's must match the audit chain: a key made or edited outside KeyDesk, or one whose
     * owner was promoted or re-activated outside it, does not authenticate.
     */
    private ApiKey acceptAndRecordUse(DSLContext tx, KeyCheck row, ParsedKey parsed) {
        ApiKey key = row.key();
        Instant now = Times.storable(clock.instant());
        if (key.type() != parsed.type()) {
            throw rejected("This key is not valid.");
        }
        if (key.isExpired(now)) {
            throw rejected("This key expired on " + key.expiresAt() + ".");
        }
        if (key.permissionSet() == PermissionSet.NONE) {
            throw new KeyRejectedException("This key is disabled.", true);
        }
        if (!key.ownerActive()) {
            throw rejected("The user this key belongs to is deactivated.");
        }
        requireBound(row.keyBound(), RowBinding.keyDigest(row.keyState()), "This key's record");
        if (key.userId() != null) {
            requireBound(row.ownerBound(), row.ownerState() == null ? RowBinding.REMOVED
                    : RowBinding.userDigest(row.ownerState()), "The record of the user this key belongs to");
        }
        Instant notAfter = now.minus(LAST_USE_THROTTLE);
        if (key.lastUseAt() != null && key.lastUseAt().isAfter(notAfter)) {
            // The row just read says it was used within the minute, and last use only moves forward:
            // the update would change nothing, so it is not sent (on a team store, one round trip less).
            return key;
        }
        boolean recorded = new KeyRepository(tx).recordUse(key.id(), now, notAfter);
        return recorded ? key.withLastUseAt(now) : key;   // as the row now reads, not read again
    }

    private static void requireBound(String bound, String digest, String what) {
        String problem = RowBinding.mismatch(bound, digest, what);
        if (problem != null) {
            throw rejected(problem + " The key does not authenticate.");
        }
    }

    private static KeyRejectedException rejected(String reason) {
        return new KeyRejectedException(reason);
    }
}
