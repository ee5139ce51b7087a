package com.keydesk.service;

import com.keydesk.crypto.Argon2idHasher;
import com.keydesk.domain.ConflictException;
import com.keydesk.store.Database;
import com.keydesk.store.SiteRepository;
import com.keydesk.store.Times;
import com.keydesk.store.UserRepository;

import java.time.Clock;
import java.util.Arrays;

import static com.keydesk.domain.AuditEntry.OUTCOME_OK;

/** First start: the site and its first administrator, in one transaction with the audit log's start. */
public final class Setup {
    private final Database db;
    private final AuditLog audit;
    private final Argon2idHasher hasher;
    private final Clock clock;

    Setup(Database db, AuditLog audit, Argon2idHasher hasher, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Checks setup input without touching the store, so a bad value never leaves a half-made store behind. */
    public static void checkInput(String siteName, String adminUsername, char[] password) {
        checkInput(siteName, adminUsername, null, password);
    }

    /** As above, with the administrator's display name (optional). */
    public static void checkInput(String siteName, String adminUsername, String displayName, char[] password) {
        Validation.siteName(siteName);
        Validation.username(adminUsername);
        Validation.displayName(displayName);
        Validation.password(password);
    }

    /** Creates the site and its first administrator; returns that administrator's session. The password is wiped. */
    public Session initialise(String siteName, String adminUsername, char[] password) {
        return initialise(siteName, adminUsername, null, password);
    }

    /** As above, with the first administrator's display name (null or empty for none). */
    public Session initialise(String siteName, String adminUsername, String displayName, char[] password) {
        try {
            checkInput(siteName, adminUsername, displayName, password);
            String site = Validation.siteName(siteName);
            String username = Validation.username(adminUsername);
            String display = Validation.displayName(displayName);
            String hash = hasher.hash(password.clone());
            return db.inTransaction(cfg -> {
                SiteRepository sites = new SiteRepository(cfg.dsl());
                if (sites.find().isPresent()) {
                    throw new ConflictException("This store is already set up.");
                }
                var now = Times.storable(clock.instant());
                sites.insert(site, now);
                long id = new UserRepository(cfg.dsl()).insert(username, display, true, hash, now);
                audit.start(cfg.dsl());
                audit.append(cfg.dsl(), username, "site.created", "site", OUTCOME_OK, "name=\"" + site + "\"",
                        RowBinding.ofSite(cfg.dsl()));
                audit.append(cfg.dsl(), username, "user.created", "user:" + id, OUTCOME_OK,
                        "username=" + username + " administrator (first)", RowBinding.ofUser(cfg.dsl(), id));
                audit.appendAll(cfg.dsl(), java.util.List.of(BoundRows.marker(username, "rows bound from the start")));
                return new Session(id, username);
            });
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }
}
