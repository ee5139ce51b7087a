package com.keydesk.service;

import com.keydesk.crypto.Argon2idHasher;
import com.keydesk.crypto.KeyFormat;
import com.keydesk.crypto.ParsedKey;
import com.keydesk.domain.ApiKey;
import com.keydesk.domain.KeyRejectedException;
import com.keydesk.domain.PermissionSet;
import com.keydesk.store.Database;
import com.keydesk.store.KeyRepository;
import com.keydesk.store.Times;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a presented key. Needs no sign-in: the key is the credential. The cost is one index
 * read and exactly one Argon2id check, whatever the number of keys in the store.
 */
public final class KeyVerifier {
    /** last_use_at is written at most this often per key, so verification does not become a write storm. */
    static final Duration LAST_USE_THROTTLE = Duration.ofMinutes(1);

    private final Database db;
    private final Argon2idHasher hasher;
    private final DummyHash dummyHash;
    private final Clock clock;

    KeyVerifier(Database db, Argon2idHasher hasher, DummyHash dummyHash, Clock clock) {
        this.db = db;
        this.hasher = hasher;
        this.dummyHash = dummyHash;
        this.clock = clock;
    }

    /** Returns the key if it authenticates now; otherwise throws {@link KeyRejectedException} with the reason. */
    public ApiKey verify(String presented) {
        ParsedKey parsed = KeyFormat.parse(presented);
        Optional<KeyRepository.Credential> credential = db.inTransaction(cfg ->
                new KeyRepository(cfg.dsl()).credentialByLookupId(parsed.lookupId()));
        // An unknown lookup id costs one hash too, so timing does not tell which ids exist.
        String storedHash = credential.map(KeyRepository.Credential::secretHash).orElse(dummyHash.get());
        boolean matches = hasher.verify(storedHash, parsed.secretPart().toCharArray());
        if (credential.isEmpty() || !matches) {
            throw rejected("This key is not valid. It may have been revoked or mistyped.");
        }
        long keyId = credential.get().keyId();
        return db.inTransaction(cfg -> {
            KeyRepository keys = new KeyRepository(cfg.dsl());
            ApiKey key = keys.findById(keyId).orElseThrow(() -> rejected("This key has just been revoked."));
            Instant now = Times.storable(clock.instant());
            if (key.type() != parsed.type()) {
                throw rejected("This key is not valid.");
            }
            if (key.isExpired(now)) {
                throw rejected("This key expired on " + key.expiresAt() + ".");
            }
            if (key.permissionSet() == PermissionSet.NONE) {
                throw rejected("This key is disabled.");
            }
            if (!key.ownerActive()) {
                throw rejected("The user this key belongs to is deactivated.");
            }
            keys.recordUse(keyId, now, now.minus(LAST_USE_THROTTLE));
            return keys.findById(keyId).orElseThrow();
        });
    }

    private static KeyRejectedException rejected(String reason) {
        return new KeyRejectedException(reason);
    }
}
