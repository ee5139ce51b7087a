package com.keydesk.service;

import com.keydesk.crypto.Argon2idHasher;
import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.AuthenticationException;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.PermissionDeniedException;
import com.keydesk.domain.Texts;
import com.keydesk.domain.User;
import com.keydesk.domain.ValidationException;
import com.keydesk.store.Database;
import com.keydesk.store.KeyRepository;
import com.keydesk.store.ThrottleRepository;
import com.keydesk.store.ThrottleRepository.State;
import com.keydesk.store.Times;
import com.keydesk.store.UserRepository;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Sign-in. An unknown user, a wrong password and a deactivated account get the same answer for
 * the same cost (one Argon2id check; a dummy hash for an unknown user). After
 * {@link #FREE_ATTEMPTS} failures for a username, known or not, each further failure doubles a
 * waiting time kept in the store, so a restart does not reset it; {@link #unlock} ends it early.
 */
public final class AuthService {
    static final int FREE_ATTEMPTS = 3;
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** The one answer for an unknown user, a wrong password and a deactivated account. */
    private static final String WRONG = "Sign-in failed: the username or password is wrong.";
    private static final String UNLOCKED = "user.unlocked";

    /** A throttle row whose wait ended this long ago is removed: its failures no longer count. */
    static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final Database db;
    private final Guard guard;
    private final AuditLog audit;
    private final Argon2idHasher hasher;
    private final DummyHash dummyHash;
    private final Clock clock;

    AuthService(Database db, Guard guard, AuditLog audit, Argon2idHasher hasher, DummyHash dummyHash, Clock clock) {
        this.db = db;
        this.guard = guard;
        this.audit = audit;
        this.hasher = hasher;
        this.dummyHash = dummyHash;
        this.clock = clock;
    }

    /** Returns a session, or throws {@link AuthenticationException}. The password array is wiped. */
    public Session signIn(String username, char[] password) {
        try {
            String name = username == null ? "" : username.strip();
            String digest = throttleKey(name);
            Instant now = clock.instant();
            Optional<State> throttle = db.inTransaction(cfg -> new ThrottleRepository(cfg.dsl()).find(digest));
            if (throttle.isPresent() && now.isBefore(throttle.get().blockedUntil())) {
                long seconds = Math.max(1, Duration.between(now, throttle.get().blockedUntil()).toSeconds());
                throw new AuthenticationException("Too many failed sign-ins for this username. Try again in "
                        + seconds + " second" + (seconds == 1 ? "" : "s") + ".");
            }
            Optional<User> user = db.inTransaction(cfg -> new UserRepository(cfg.dsl()).findByUsername(name));
            Optional<String> stored = user.flatMap(u -> db.inTransaction(cfg ->
                    new UserRepository(cfg.dsl()).passwordHash(u.id())));
            boolean matches = hasher.verify(stored.orElse(dummyHash.get()), password == null ? new char[0] : password.clone());
            if (user.isPresent() && matches) {
                if (!user.get().active()) {
                    // The answer a wrong password gets: "deactivated" only with the right password
                    // would confirm the password to whoever guessed it. The audit says why.
                    recordFailure(name, true, digest, "deactivated");
                    throw new AuthenticationException(WRONG);
                }
                db.inTransaction(cfg -> {
                    RowBinding.requireUser(cfg.dsl(), user.get().id());
                    new ThrottleRepository(cfg.dsl()).clear(digest);
                    return null;
                });
                return new Session(user.get().id(), user.get().username());
            }
            recordFailure(name, user.isPresent(), digest, user.isPresent() ? "wrong password" : "unknown user");
            throw new AuthenticationException(WRONG);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /**
     * The site's name, for the sign-in screen to say where one signs in (as a web console's sign-in
     * page does). Whoever reaches this store can read it anyway; nothing else is read. Empty
     * when the site row was changed outside KeyDesk: the screen where a password is typed must
     * not speak with a tamperer's words (signing in then names the tampering).
     */
    public String siteName() {
        return db.inTransaction(cfg -> new com.keydesk.store.SiteRepository(cfg.dsl()).find()
                .filter(site -> RowBinding.siteIntact(cfg.dsl()))
                .map(site -> Texts.printable(site.name())).orElse(""));
    }

    /**
     * Loads the Argon2 native library (one verification against the dummy hash) and runs the
     * sign-in and key-list queries once (results thrown away), so the first real sign-in and first
     * screen do not pay for them. Front ends call it in the background while the person types; it
     * changes nothing.
     */
    public void prepare() {
        hasher.verify(dummyHash.get(), "warm-up".toCharArray());
        db.inTransaction(cfg -> {
            new UserRepository(cfg.dsl()).findByUsername("");
            // the first page queries the first screens run (results thrown away): warm jOOQ, H2 and the mapping
            KeyRepository keys = new KeyRepository(cfg.dsl());
            keys.summaries(null, KeyType.SITE, 1, k -> k);   // the key tables' projection
            keys.summaries(null, KeyType.USER, 1, k -> k);
            keys.summaries(-1L, null, 1, k -> k);
            return keys.findById(-1L);   // the whole key, as details read it (KeyRows)
        });
    }

    /** The wait after the given number of consecutive failures: none at first, then doubling, capped. */
    static Duration delayAfter(int failures) {
        if (failures < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_ATTEMPTS, 20);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** How the audit log names a username that no account has: a digest, never the text typed. */
    static String unknownName(String digest) {
        return "unknown-user#" + digest.substring(0, 12);
    }

    /**
     * A failure counts and, from the {@link #FREE_ATTEMPTS}th on, starts a wait. A failure that
     * ends while a wait is already running (two attempts at once) counts but does not restart it;
     * attempts made during a wait are refused before any check and change nothing.
     */
    private void recordFailure(String name, boolean known, String digest, String why) {
        Instant now = Times.storable(clock.instant());
        db.inTransaction(cfg -> {
            ThrottleRepository throttle = new ThrottleRepository(cfg.dsl());
            throttle.removeWaitsEndedBefore(now.minus(FORGET_AFTER));
            Optional<State> before = throttle.findForUpdate(digest);
            int failures = before.map(State::failures).orElse(0) + 1;
            Instant until = before.filter(b -> now.isBefore(b.blockedUntil())).map(State::blockedUntil)
                    .orElse(now.plus(delayAfter(failures)));
            throttle.save(digest, new State(failures, until));
            // A known username is named; a name no account has is recorded only by a short digest: a
            // person who typed their password into the username field must not find it in the log.
            // Repeated tries of one unknown name still show as one name. Why is for administrators only.
            String who = known ? Texts.printable(name) : unknownName(digest);
            audit.append(cfg.dsl(), who, "auth.sign_in_failed", known ? "user:" + who : who,
                    AuditEntry.OUTCOME_FAILED, why + ", failure " + failures);
            return null;
        });
    }

    /**
     * Ends the sign-in wait of a username (known or not) at once: an administrator's answer to
     * someone locking a colleague out by typing their name. Audited. Returns whether there was a
     * wait or a failure count to clear.
     */
    public boolean unlock(Session session, String username) {
        return guard.run(session, (tx, actor) -> {
            Policy.requireAdmin(actor, UNLOCKED, "user:" + Texts.printable(username));
            return clear(tx, actor.username(), username, "");
        });
    }

    /**
     * {@link #unlock} without signing in, for when the last administrator is the one held back:
     * allowed only to the operating-system account that owns this local store file
     * ({@link StoreOwner}), recorded in the audit log under that account's name as "os:NAME".
     * It clears a wait and nothing else: the password is still needed to sign in.
     */
    public boolean unlockAsStoreOwner(String username) {
        String account;
        try {
            if (db.isTeamStore()) {
                // a server's store has no owning account on this machine (and no folder to ask)
                throw new PermissionDeniedException("Unlocking without signing in works only for a local store; on a"
                        + " team store ask another administrator to unlock, or wait until the sign-in wait ends.");
            }
            account = StoreOwner.confirm(db.folder());
        } catch (PermissionDeniedException refused) {
            audit.appendAlone(StoreOwner.ACTOR_PREFIX + Texts.printable(StoreOwner.claimedAccount()), UNLOCKED,
                    "user:" + Texts.printable(username), AuditEntry.OUTCOME_DENIED, refused.getMessage());
            throw refused;
        }
        return db.inTransaction(cfg -> clear(cfg.dsl(), StoreOwner.ACTOR_PREFIX + Texts.printable(account), username,
                " by the operating-system account that owns the store"));
    }

    private boolean clear(DSLContext tx, String actor, String username, String how) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty()) {
            throw new ValidationException("username", "Say whose sign-in wait to end: users unlock USERNAME.");
        }
        ThrottleRepository throttle = new ThrottleRepository(tx);
        throttle.removeWaitsEndedBefore(Times.storable(clock.instant()).minus(FORGET_AFTER));
        boolean cleared = throttle.clear(throttleKey(name));
        String target = new UserRepository(tx).findByUsername(name).map(u -> "user:" + u.id())
                .orElse("user:" + Texts.printable(name));
        audit.append(tx, actor, UNLOCKED, target, AuditEntry.OUTCOME_OK,
                (cleared ? "sign-in wait cleared" : "no sign-in wait to clear") + how);
        return cleared;
    }

    /** The throttle row's key: a digest of the username as compared (case ignored), so the table holds no names. */
    static String throttleKey(String name) {
        return AuditChain.sha256(UserRepository.usernameKey(name));
    }
}
