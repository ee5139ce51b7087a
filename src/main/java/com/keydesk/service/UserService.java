package com.keydesk.service;

import com.keydesk.crypto.Argon2idHasher;
import com.keydesk.domain.Allowed;
import com.keydesk.domain.ApiKey;
import com.keydesk.domain.AuthenticationException;
import com.keydesk.domain.ConflictException;
import com.keydesk.domain.NotFoundException;
import com.keydesk.domain.Texts;
import com.keydesk.domain.User;
import com.keydesk.domain.UserActionsAllowed;
import com.keydesk.domain.ValidationException;
import com.keydesk.store.KeyRepository;
import com.keydesk.store.Times;
import com.keydesk.store.UserRepository;
import org.jooq.DSLContext;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import static com.keydesk.domain.AuditEntry.OUTCOME_OK;

/**
 * Users: administrators add, promote, demote, deactivate, rename and reset passwords; everyone
 * changes their own password.
 */
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
        return guard.runWhilePasswordMustChange(session, (tx, actor) -> actor.user());
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

    /**
     * Makes or unmakes an administrator. Refused for a deactivated user, for yourself (another
     * administrator must do it, so no one locks themselves out by a slip) and for the last active
     * administrator.
     */
    public User setAdmin(Session session, String username, boolean admin) {
        return changeUser(session, username, admin ? "user.promoted" : "user.demoted",
                (activeAdmins, actor, user) -> requireRoleChange(activeAdmins, actor, user, admin),
                (users, id) -> users.setAdmin(id, admin),
                user -> admin ? Texts.keys(user.keyCount(), "gains full site power", "gain full site power")
                        : "no longer an administrator");
    }

    /**
     * The rule of {@link #setAdmin} once the actor is known to be an administrator; {@link #allowedActions}
     * asks it too. {@code activeAdmins}: locks and counts them when changing, only counts them when asked ahead.
     */
    private static void requireRoleChange(java.util.function.IntSupplier activeAdmins, Actor actor, User user, boolean admin) {
        if (user.admin() == admin) {
            throw new ConflictException(user.username() + (admin ? " is already" : " is not") + " an administrator.");
        }
        if (admin && !user.active()) {
            throw new ConflictException(user.username() + " is deactivated; activate them before making them an administrator.");
        }
        if (!admin && user.active() && activeAdmins.getAsInt() <= 1) {
            throw new ConflictException(user.username() + " is the last active administrator and cannot be demoted.");
        }
        if (!admin && user.id() == actor.id()) {
            throw new ConflictException("You cannot remove your own administrator role; another administrator can.");
        }
    }

    /** A deactivated user cannot sign in and their keys stop authenticating. No one deactivates themselves. */
    public User setActive(Session session, String username, boolean active) {
        return changeUser(session, username, active ? "user.activated" : "user.deactivated",
                (activeAdmins, actor, user) -> requireActivationChange(activeAdmins, actor, user, active),
                (users, id) -> users.setActive(id, active),
                user -> active ? Texts.keys(user.keyCount(), "works again", "work again")
                        : Texts.keys(user.keyCount(), "stops working", "stop working"));
    }

    /** A rule of {@link #changeUser}: {@code activeAdmins} locks and counts the active administrators. */
    private interface ChangeRule {
        void require(java.util.function.IntSupplier activeAdmins, Actor actor, User user);
    }

    /**
     * An administrator's change of one user's role or activation: refused to a non-administrator,
     * then the change's rule against the locked count of active administrators (so two
     * administrators cannot each demote or deactivate the other), the write, its audit entry
     * ({@code detail} of the user as it was) and the user as stored now.
     */
    private User changeUser(Session session, String username, String action, ChangeRule rule,
                            java.util.function.ObjLongConsumer<UserRepository> write,
                            java.util.function.Function<User, String> detail) {
        return guard.run(session, (tx, actor) -> {
            Policy.requireAdmin(actor, action, "user:" + Texts.printable(username));
            User user = find(tx, username);
            UserRepository users = new UserRepository(tx);
            rule.require(users::lockActiveAdmins, actor, user);
            write.accept(users, user.id());
            audit.append(tx, actor.username(), action, "user:" + user.id(), OUTCOME_OK, detail.apply(user),
                    RowBinding.ofUser(tx, user.id()));
            return users.findById(user.id()).orElseThrow();
        });
    }

    /** The rule of {@link #setActive} once the actor is known to be an administrator. */
    private static void requireActivationChange(java.util.function.IntSupplier activeAdmins, Actor actor, User user, boolean active) {
        if (user.active() == active) {
            throw new ConflictException(user.username() + " is already " + (active ? "active." : "deactivated."));
        }
        if (!active && user.admin() && activeAdmins.getAsInt() <= 1) {
            throw new ConflictException(user.username() + " is the last active administrator and cannot be deactivated.");
        }
        if (!active && user.id() == actor.id()) {
            throw new ConflictException("You cannot deactivate your own account; another administrator can.");
        }
    }

    /**
     * An administrator sets a temporary password for someone who lost theirs; that person must
     * choose a new one at their next sign-in (until then the services refuse everything else).
     * The password array is wiped; it is never logged or audited.
     */
    public User resetPassword(Session session, String username, char[] temporary) {
        try {
            String action = "user.password_reset";
            // The rules first, in a short transaction of their own: a person who may not reset
            // passwords must not make the store run a slow hash for nothing, nor learn the
            // password rules from the refusal. They run again below, for the row may change.
            guard.run(session, (tx, actor) -> requirePasswordReset(tx, actor, username, action));
            Validation.password(temporary);
            // hashed before the transaction, as a key's secret is: the slow hash holds no lock
            String hash = hasher.hash(temporary.clone());
            return guard.run(session, (tx, actor) -> {
                User user = requirePasswordReset(tx, actor, username, action);
                UserRepository users = new UserRepository(tx);
                users.resetPassword(user.id(), hash);
                audit.append(tx, actor.username(), action, "user:" + user.id(), OUTCOME_OK,
                        "must choose a new password at next sign-in", RowBinding.ofUser(tx, user.id()));
                return users.findById(user.id()).orElseThrow();
            });
        } finally {
            wipe(temporary);
        }
    }

    private User requirePasswordReset(DSLContext tx, Actor actor, String username, String action) {
        Policy.requireAdmin(actor, action, "user:" + Texts.printable(username));
        User user = find(tx, username);
        requirePasswordReset(actor, user);
        return user;
    }

    private static void requirePasswordReset(Actor actor, User user) {
        if (user.id() == actor.id()) {
            throw new ConflictException("To change your own password use Change password, which asks for your current one.");
        }
    }

    /** Changes a user's display name (an empty one removes it). Administrators only. */
    public User rename(Session session, String username, String displayName) {
        return guard.run(session, (tx, actor) -> {
            String action = "user.renamed";
            Policy.requireAdmin(actor, action, "user:" + Texts.printable(username));
            User user = find(tx, username);
            String display = Validation.displayName(displayName);
            UserRepository users = new UserRepository(tx);
            users.setDisplayName(user.id(), display);
            audit.append(tx, actor.username(), action, "user:" + user.id(), OUTCOME_OK,
                    "display name " + quoted(user.displayName()) + " -> " + quoted(display), RowBinding.ofUser(tx, user.id()));
            return users.findById(user.id()).orElseThrow();
        });
    }

    /**
     * What the signed-in person may do to this user now, each refusal with the sentence the action
     * would get: the same rule code {@link #setAdmin}, {@link #setActive}, {@link #resetPassword} and
     * {@link #rename} run, so a front end that disables by this answer never disagrees with them.
     * Nothing is audited: asking is not attempting.
     */
    public UserActionsAllowed allowedActions(Session session, String username) {
        return guard.run(session, (tx, actor) -> {
            Allowed admin = Answer.of(() -> Policy.requireAdmin(actor, "user.listed", "users"));
            if (admin.refused()) {
                return UserActionsAllowed.none(admin.reason());
            }
            User user = find(tx, username);
            UserRepository users = new UserRepository(tx);
            // asking locks nothing (the change itself locks and checks again), and counts once
            int[] counted = {-1};
            java.util.function.IntSupplier activeAdmins = () -> counted[0] >= 0 ? counted[0] : (counted[0] = users.countActiveAdmins());
            return new UserActionsAllowed(user.username(),
                    Answer.of(() -> requireRoleChange(activeAdmins, actor, user, !user.admin())),
                    Answer.of(() -> requireActivationChange(activeAdmins, actor, user, !user.active())),
                    Answer.of(() -> requirePasswordReset(actor, user)),
                    Allowed.YES);
        });
    }

    /** Every signed-in person may change their own password, proving the current one first. */
    public void changeOwnPassword(Session session, char[] current, char[] replacement) {
        try {
            guard.runWhilePasswordMustChange(session, (tx, actor) -> {
                String stored = new UserRepository(tx).passwordHash(actor.id()).orElseThrow();
                if (!hasher.verify(stored, current.clone())) {
                    throw new WrongCurrentPassword(actor.username(), actor.id());
                }
                Validation.password(replacement);
                // the administrator knows the temporary password: keeping it would not end the reset
                if (actor.user().mustChangePassword() && Arrays.equals(current, replacement)) {
                    throw new ValidationException("password",
                            "Choose a password of your own, not the temporary one an administrator gave you.");
                }
                // also ends a reset's "must change": the person now knows a password no one gave them
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

    private static String quoted(String displayName) {
        return displayName == null ? "(none)" : "\"" + Texts.printable(displayName) + "\"";
    }

    private static void wipe(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }
}
