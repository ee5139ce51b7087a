package com.keydesk.service;

import com.keydesk.crypto.Argon2idHasher;
import com.keydesk.domain.ApiKey;
import com.keydesk.domain.AuthenticationException;
import com.keydesk.domain.ConflictException;
import com.keydesk.domain.NotFoundException;
import com.keydesk.domain.Texts;
import com.keydesk.domain.User;
import com.keydesk.store.KeyRepository;
import com.keydesk.store.Times;
import com.keydesk.store.UserRepository;
import org.jooq.DSLContext;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static com.keydesk.domain.AuditEntry.OUTCOME_OK;

/** Users: administrators add, promote, demote, deactivate; everyone changes their own password. */
public final class UserService {
    private final Guard guard;
    private final AuditLog audit;
    private final Argon2idHasher hasher;
    private final Clock clock;

    UserService(Guard guard, AuditLog audit, Argon2idHasher hasher, Clock clock) {
        this.guard = guard;
        this.audit = audit;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Adds a user. The password array is wiped. */
    public User add(Session session, String username, String displayName, boolean admin, char[] password) {
        try {
            return guard.run(session, (tx, actor) -> {
                String action = "user.created";
                Policy.requireAdmin(actor, action, "user:" + Texts.printable(username));
                String name = Validation.username(username);
                String display = Validation.displayName(displayName);
                Validation.password(password);
                UserRepository users = new UserRepository(tx);
                if (users.findByUsername(name).isPresent()) {
                    throw new ConflictException("A user named " + name + " already exists (usernames ignore case).");
                }
                long id = users.insert(name, display, admin, hasher.hash(password.clone()), Times.storable(clock.instant()));
                audit.append(tx, actor.username(), action, "user:" + id, OUTCOME_OK,
                        "username=" + name + (admin ? " administrator" : ""), RowBinding.ofUser(tx, id));
                return users.findById(id).orElseThrow();
            });
        } finally {
            wipe(password);
        }
    }

    /** The signed-in person as stored now (role, activation): what a front end needs to decide what to offer. */
    public User me(Session session) {
        return guard.run(session, (tx, actor) -> actor.user());
    }

    public List<User> list(Session session) {
        return guard.run(session, (tx, actor) -> {
            Policy.requireAdmin(actor, "user.listed", "users");
            return new UserRepository(tx).list();
        });
    }

    /** The user's keys that would gain an administrator's full power if they were promoted. */
    public List<ApiKey> keysGainingFullPower(Session session, String username) {
        return guard.run(session, (tx, actor) -> {
            Policy.requireAdmin(actor, "user.promoted", "user:" + Texts.printable(username));
            User user = find(tx, username);
            return user.admin() ? List.of() : new KeyRepository(tx).list(user.id());
        });
    }

    /** Makes or unmakes an administrator. The last active administrator cannot be demoted. */
    public User setAdmin(Session session, String username, boolean admin) {
        return guard.run(session, (tx, actor) -> {
            String action = admin ? "user.promoted" : "user.demoted";
            Policy.requireAdmin(actor, action, "user:" + Texts.printable(username));
            User user = find(tx, username);
            if (user.admin() == admin) {
                throw new ConflictException(user.username() + (admin ? " is already" : " is not") + " an administrator.");
            }
            UserRepository users = new UserRepository(tx);
            if (!admin && user.active() && users.lockActiveAdmins() <= 1) {
                throw new ConflictException(user.username() + " is the last active administrator and cannot be demoted.");
            }
            users.setAdmin(user.id(), admin);
            String detail = admin ? Texts.keys(user.keyCount(), "gains full site power", "gain full site power") : "no longer an administrator";
            audit.append(tx, actor.username(), action, "user:" + user.id(), OUTCOME_OK, detail,
                    RowBinding.ofUser(tx, user.id()));
            return users.findById(user.id()).orElseThrow();
        });
    }

    /** A deactivated user cannot sign in and their keys stop authenticating. */
    public User setActive(Session session, String username, boolean active) {
        return guard.run(session, (tx, actor) -> {
            String action = active ? "user.activated" : "user.deactivated";
            Policy.requireAdmin(actor, action, "user:" + Texts.printable(username));
            User user = find(tx, username);
            if (user.active() == active) {
                throw new ConflictException(user.username() + " is already " + (active ? "active." : "deactivated."));
            }
            UserRepository users = new UserRepository(tx);
            if (!active && user.admin() && users.lockActiveAdmins() <= 1) {
                throw new ConflictException(user.username() + " is the last active administrator and cannot be deactivated.");
            }
            users.setActive(user.id(), active);
            audit.append(tx, actor.username(), action, "user:" + user.id(), OUTCOME_OK,
                    active ? Texts.keys(user.keyCount(), "works again", "work again")
                            : Texts.keys(user.keyCount(), "stops working", "stop working"),
                    RowBinding.ofUser(tx, user.id()));
            return users.findById(user.id()).orElseThrow();
        });
    }

    /** Every signed-in person may change their own password, proving the current one first. */
    public void changeOwnPassword(Session session, char[] current, char[] replacement) {
        try {
            guard.run(session, (tx, actor) -> {
                String stored = new UserRepository(tx).passwordHash(actor.id()).orElseThrow();
                if (!hasher.verify(stored, current.clone())) {
                    throw new WrongCurrentPassword(actor.username(), actor.id());
                }
                Validation.password(replacement);
                new UserRepository(tx).setPasswordHash(actor.id(), hasher.hash(replacement.clone()));
                audit.append(tx, actor.username(), "user.password_changed", "user:" + actor.id(), OUTCOME_OK, null,
                        RowBinding.ofUser(tx, actor.id()));
                return null;
            });
        } catch (WrongCurrentPassword wrong) {
            // audited in its own transaction: the work's was rolled back
            audit.appendAlone(wrong.username, "user.password_changed", "user:" + wrong.userId,
                    com.keydesk.domain.AuditEntry.OUTCOME_FAILED, "wrong current password");
            throw new AuthenticationException("The current password is wrong.");
        } finally {
            wipe(current);
            wipe(replacement);
        }
    }

    /** Carries a wrong current password out of the transaction so it can be audited. */
    private static final class WrongCurrentPassword extends RuntimeException {
        private final String username;
        private final long userId;

        WrongCurrentPassword(String username, long userId) {
            super(null, null, false, false);
            this.username = username;
            this.userId = userId;
        }
    }

    /** The user to change, refused if their row was changed outside KeyDesk: a change would bind the forgery. */
    private static User find(DSLContext tx, String username) {
        User user = new UserRepository(tx).findByUsername(username == null ? "" : username.strip())
                .orElseThrow(() -> new NotFoundException("There is no user named \"" + Texts.printable(username) + "\"."));
        RowBinding.requireUser(tx, user.id());
        return user;
    }

    private static void wipe(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }
}
