package com.keydesk.service;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.KeyRejectedException;
import com.keydesk.domain.TooManyFailedKeysException;
import com.keydesk.store.Database;
import com.keydesk.store.SiteRepository;
import com.keydesk.store.ThrottleRepository.State;

import java.time.Clock;

/**
 * The door of the HTTP API: turns the key a request came with into the caller the services act
 * for. A user key acts as its owner, a site-wide key as an administrator of the site (see
 * {@link KeyActor}); every service call made for the caller re-reads the key in its own
 * transaction, and every audit entry it writes names the key and the client's address.
 * A refused key is audited too (never any part of it: only the client's address and why), and
 * counted against the client's address ({@link FailedKeyThrottle}): an address that sent too many
 * wrong keys is turned away before its next key is looked at.
 */
public final class ApiAccess {
    static final String FAILED = "api_key.authentication_failed";

    private final Database db;
    private final KeyVerifier verifier;
    private final AuditLog audit;
    private final Clock clock;
    private final FailedKeyThrottle throttle;

    ApiAccess(Database db, KeyVerifier verifier, AuditLog audit, Clock clock, FailedKeyThrottle.Rules rules) {
        this.db = db;
        this.verifier = verifier;
        this.audit = audit;
        this.clock = clock;
        this.throttle = new FailedKeyThrottle(db, clock, rules);
    }

    /** The same door with other failed-key rules (and its own memory of addresses), for tests. */
    public ApiAccess withFailedKeyRules(FailedKeyThrottle.Rules rules) {
        return new ApiAccess(db, verifier, audit, clock, rules);
    }

    /** For a load balancer: the store answers and holds its site (it was migrated to this schema when opened). */
    public void health() {
        db.inTransaction(cfg -> new SiteRepository(cfg.dsl()).find()
                .orElseThrow(() -> new IllegalStateException("The store has no site")));
    }

    /** A verified caller: the key as it was just read (the answer to "find current") and its session. */
    public record Caller(ApiKey key, Session session) {
    }

    /**
     * Verifies the key; throws {@link KeyRejectedException} (audited) when it does not authenticate,
     * and {@link TooManyFailedKeysException} without looking at the key (no hash, no audit entry)
     * while the address waits. The client address is what the server saw, written to the audit
     * log as given.
     */
    public Caller authenticate(String presented, String clientAddress) {
        long wait = throttle.retryAfterSeconds(clientAddress);
        if (wait > 0) {
            throw new TooManyFailedKeysException(wait);
        }
        ApiKey key;
        try {
            key = verifier.verify(presented);
        } catch (KeyRejectedException e) {
            refused(e, clientAddress);
            throw e;
        }
        ApiOrigin origin = new ApiOrigin(key.id(), clientAddress);
        Session session = key.userId() == null
                ? new Session(0, RowBinding.keyTarget(key.id()), origin)
                : new Session(key.userId(), key.ownerUsername(), origin);
        return new Caller(key, session);
    }

    /**
     * Audits a refused key and, unless only its disabled state refused it (the secret was right),
     * counts it against the address in the same transaction.
     */
    private void refused(KeyRejectedException e, String clientAddress) {
        String detail = e.getMessage() + " (from " + clientAddress + ")";
        if (e.disabled()) {
            audit.appendAlone("api", FAILED, "api", AuditEntry.OUTCOME_DENIED, detail);
            return;
        }
        State counted = db.inTransaction(cfg -> {
            State after = throttle.countFailure(cfg.dsl(), clientAddress);
            audit.append(cfg.dsl(), "api", FAILED, "api", AuditEntry.OUTCOME_DENIED, detail);
            return after;
        });
        throttle.learn(clientAddress, counted);
    }

    /** The key revokes itself (DELETE /api_key): the same rules as any revoke by its owner. */
    public void revokeSelf(KeyService keys, Caller caller) {
        keys.revoke(caller.session(), caller.key().id(), "revoked itself through the API");
    }
}
