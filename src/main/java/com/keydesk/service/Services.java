package com.keydesk.service;

import com.keydesk.crypto.Argon2Params;
import com.keydesk.crypto.Argon2idHasher;
import com.keydesk.crypto.KeyFormat;
import com.keydesk.store.Database;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Every service over one open store, wired by hand. The shipped program always passes
 * {@link Argon2Params#SHIPPED}; only tests pass cheaper parameters.
 */
public record Services(Setup setup, AuthService auth, KeyService keys, KeyVerifier verifier, UserService users,
                       SiteService site, AuditService audit, BackupService backups,
                       DemoData demoData, LeakService leaks, KeyPages keyPages, ApiAccess api,
                       ChangeService changes) {

    public static Services over(Database db, Argon2Params params, Clock clock, SecureRandom random) {
        return over(db, params, clock, random, VerifiedKeyCache.DEFAULT_CAPACITY);
    }

    /**
     * As {@link #over(Database, Argon2Params, Clock, SecureRandom)}, remembering at most
     * {@code verifiedKeys} verified keys (0: none, so every verification pays its Argon2id check).
     */
    public static Services over(Database db, Argon2Params params, Clock clock, SecureRandom random, int verifiedKeys) {
        Argon2idHasher hasher = new Argon2idHasher(params);
        DummyHash dummy = new DummyHash(params, random);
        AuditLog log = new AuditLog(db, clock);
        Guard guard = new Guard(db, log);
        KeyFormat format = new KeyFormat(random);
        // a store written before schema 3 has its rows bound once, as they are, when first opened
        db.inTransaction(cfg -> BoundRows.bindIfNeverBound(log, cfg.dsl()));
        KeyVerifier verifier = new KeyVerifier(db, hasher, dummy, new VerifiedKeyCache(verifiedKeys, random), clock);
        return new Services(
                new Setup(db, log, hasher, clock),
                new AuthService(db, guard, log, hasher, dummy, clock),
                new KeyService(guard, log, format, hasher, clock),
                verifier,
                new UserService(guard, log, hasher, clock),
                new SiteService(guard, log),
                new AuditService(guard, log),
                new BackupService(guard, log, clock),
                new DemoData(guard, log, format, clock),
                new LeakService(guard, hasher, dummy, clock),
                new KeyPages(guard),
                new ApiAccess(db, verifier, log, clock, FailedKeyThrottle.Rules.STANDARD),
                new ChangeService(guard));
    }
}
