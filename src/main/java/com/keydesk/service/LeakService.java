package com.keydesk.service;

import com.keydesk.crypto.Argon2idHasher;
import com.keydesk.crypto.KeyFormat;
import com.keydesk.crypto.ParsedKey;
import com.keydesk.domain.ApiKey;
import com.keydesk.domain.KeyStatus;
import com.keydesk.domain.Secret;
import com.keydesk.store.KeyRepository;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names keys the leak scanner found. A found string is only a claim: it is this store's key only
 * if its secret matches the stored hash (so a file cannot get a real key revoked by planting a
 * string with its public lookup id). To a non-administrator, someone else's key, a revoked key,
 * a key of another store and a forged one all read the same: {@link FoundKey#UNKNOWN}, after the
 * same single Argon2id check.
 */
public final class LeakService {
    /** A found key as the actor may know it; {@link #UNKNOWN} when not theirs to know. */
    public record FoundKey(Long keyId, String name, String owner, KeyStatus status) {
        public static final FoundKey UNKNOWN = new FoundKey(null, null, null, null);

        public boolean known() {
            return keyId != null;
        }

        /** active, disabled, expired, owner_deactivated, or unknown (revoked, not the actor's, or not this store's). */
        public String statusName() {
            return status == null ? "unknown" : status.wireName();
        }

        /** Works now, or works again as soon as its owner is activated: what --revoke revokes. */
        public boolean active() {
            return status == KeyStatus.ACTIVE || status == KeyStatus.OWNER_DEACTIVATED;
        }
    }

    private final Guard guard;
    private final Argon2idHasher hasher;
    private final DummyHash dummyHash;
    private final Clock clock;

    LeakService(Guard guard, Argon2idHasher hasher, DummyHash dummyHash, Clock clock) {
        this.guard = guard;
        this.hasher = hasher;
        this.dummyHash = dummyHash;
        this.clock = clock;
    }

    /**
     * What each found key is, in the order given. Slow (one Argon2id check per distinct key):
     * never on the JavaFX thread. Keys that are not well-formed are {@link FoundKey#UNKNOWN}.
     */
    public List<FoundKey> name(Session session, List<Secret> found) {
        Map<String, ParsedKey> parsed = new HashMap<>();
        for (Secret s : found) {
            if (KeyFormat.recognise(s.reveal())) {
                parsed.putIfAbsent(s.reveal(), KeyFormat.parse(s.reveal()));
            }
        }
        // The rows the actor may see, read in one transaction; the slow hashing happens outside it.
        Map<String, Optional<KeyRepository.Stored>> visible = guard.run(session, (tx, actor) -> {
            KeyRepository keys = new KeyRepository(tx);
            Map<String, Optional<KeyRepository.Stored>> rows = new HashMap<>();
            for (ParsedKey p : parsed.values()) {
                rows.computeIfAbsent(p.lookupId(), id -> keys.storedByLookupId(id)
                        .filter(s -> actor.isAdmin() || Policy.ownsKey(actor, s.key())));
            }
            return rows;
        });
        Map<String, FoundKey> named = new HashMap<>();
        parsed.forEach((text, p) -> named.put(text, judge(p, visible.getOrDefault(p.lookupId(), Optional.empty()))));
        List<FoundKey> out = new ArrayList<>(found.size());
        for (Secret s : found) {
            out.add(named.getOrDefault(s.reveal(), FoundKey.UNKNOWN));
        }
        return out;
    }

    private FoundKey judge(ParsedKey p, Optional<KeyRepository.Stored> row) {
        // An unknown or hidden key costs one hash too, so timing does not tell others' keys from none.
        String hash = row.map(KeyRepository.Stored::secretHash).orElse(dummyHash.get());
        boolean matches = hasher.verify(hash, p.secretPart().toCharArray());
        if (row.isEmpty() || !matches || row.get().key().type() != p.type()) {
            return FoundKey.UNKNOWN;
        }
        ApiKey key = row.get().key();
        return new FoundKey(key.id(), key.name(), key.ownerUsername(), key.status(clock.instant()));
    }
}
