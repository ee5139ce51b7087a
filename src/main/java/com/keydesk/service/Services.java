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
                       DemoData demoData) {

    public static Services over(Database db, Argon2Params params, Clock clock, SecureRandom random) {
        Argon2idHasher hasher = new Argon2idHasher(params);
        DummyHash dummy = new DummyHash(hasher, random);
        AuditLog log = new AuditLog(db, clock);
        Guard guard = new Guard(db, log);
        KeyFormat format = new KeyFormat(random);
        return new Services(
                new Setup(db, log, hasher, clock),
                new AuthService(db, log, hasher, dummy, clock),
                new KeyService(guard, log, format, hasher, clock),
                new KeyVerifier(db, hasher, dummy, clock),
                new UserService(guard, log, hasher, clock),
                new SiteService(guard, log),
                new AuditService(guard, log),
                new BackupService(guard, log),
                new DemoData(guard, log, format, clock));
    }
}
