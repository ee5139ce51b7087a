package com.keydesk.service;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.KeyRejectedException;
import com.keydesk.store.Database;
import com.keydesk.store.SiteRepository;

/**
 * The door of the HTTP API: turns the key a request came with into the caller the services act
 * for. A user key acts as its owner, a site-wide key as an administrator of the site (see
 * {@link KeyActor}); every service call made for the caller re-reads the key in its own
 * transaction, and every audit entry it writes names the key and the client's address.
 * A refused key is audited too (never any part of it: only the client's address and why).
 */
public final class ApiAccess {
    static final String FAILED = "api_key.authentication_failed";

    private final Database db;
    private final KeyVerifier verifier;
    private final AuditLog audit;

    ApiAccess(Database db, KeyVerifier verifier, AuditLog audit) {
        this.db = db;
        this.verifier = verifier;
        this.audit = audit;
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
     * Verifies the key; throws {@link KeyRejectedException} (audited) when it does not authenticate.
     * The client address is what the server saw, written to the audit log as given.
     */
    public Caller authenticate(String presented, String clientAddress) {
        ApiKey key;
        try {
            key = verifier.verify(presented);
        } catch (KeyRejectedException e) {
            audit.appendAlone("api", FAILED, "api", AuditEntry.OUTCOME_DENIED,
                    e.getMessage() + " (from " + clientAddress + ")");
            throw e;
        }
        ApiOrigin origin = new ApiOrigin(key.id(), clientAddress);
        Session session = key.userId() == null
                ? new Session(0, RowBinding.keyTarget(key.id()), origin)
                : new Session(key.userId(), key.ownerUsername(), origin);
        return new Caller(key, session);
    }

    /** The key revokes itself (DELETE /api_key): the same rules as any revoke by its owner. */
    public void revokeSelf(KeyService keys, Caller caller) {
        keys.revoke(caller.session(), caller.key().id(), "revoked itself through the API");
    }
}
