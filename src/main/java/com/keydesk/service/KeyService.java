package com.keydesk.service;

import com.keydesk.crypto.Argon2idHasher;
import com.keydesk.crypto.GeneratedKey;
import com.keydesk.crypto.KeyFormat;
import com.keydesk.domain.Allowed;
import com.keydesk.domain.ApiKey;
import com.keydesk.domain.ConflictException;
import com.keydesk.domain.ExpiryLimit;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.KeyActionsAllowed;
import com.keydesk.domain.KeyEdit;
import com.keydesk.domain.KeyStatus;
import com.keydesk.domain.KeySummary;
import com.keydesk.domain.KeyTableQuery;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.NotFoundException;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.Secret;
import com.keydesk.domain.Site;
import com.keydesk.domain.Texts;
import com.keydesk.domain.User;
import com.keydesk.domain.ValidationException;
import com.keydesk.store.KeyRepository;
import com.keydesk.store.KeyStream;
import com.keydesk.store.SiteCheck;
import com.keydesk.store.Times;
import com.keydesk.store.UserCheck;
import com.keydesk.store.UserRepository;
import org.jooq.DSLContext;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

import static com.keydesk.domain.AuditEntry.OUTCOME_OK;

/**
 * Site-wide and user API keys: every rule of their lifecycle. Blocking and slow (Argon2id):
 * never call it on the JavaFX thread.
 */
public final class KeyService {
    private final Guard guard;
    private final AuditLog audit;
    private final KeyFormat format;
    private final Argon2idHasher hasher;
    private final Clock clock;

    KeyService(Guard guard, AuditLog audit, KeyFormat format, Argon2idHasher hasher, Clock clock) {
        this.guard = guard;
        this.audit = audit;
        this.format = format;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Creates a key. The returned secret is the only copy there will ever be: show it once. */
    public IssuedKey create(Session session, NewKey request) {
        Fresh fresh = fresh(request.type());
        return guard.run(session, (tx, actor) -> create(tx, actor, request, fresh));
    }

    /**
     * As {@link #create}, for the user with this id (the HTTP API names owners by id); the request's
     * owner username is ignored. A non-administrator may name only themselves, whether or not the
     * other id exists.
     */
    public IssuedKey createForUserId(Session session, long userId, NewKey request) {
        Fresh fresh = fresh(KeyType.USER);
        return guard.run(session, (tx, actor) -> {
            if (!actor.isAdmin() && userId != actor.id()) {
                throw new Denied(actor, "api_key.created", RowBinding.userTarget(userId),
                        "You may create keys only for yourself.", com.keydesk.domain.PermissionDeniedException.Rule.OTHER_USER);
            }
            User owner = new UserRepository(tx).findById(userId).orElseThrow(() ->
                    new NotFoundException("There is no user with id " + userId + ".", NotFoundException.Thing.USER));
            return create(tx, actor, new NewKey(KeyType.USER, owner.username(), request.name(), request.description(),
                    request.permissionSet(), request.expiresAt()), fresh);
        });
    }

    private IssuedKey create(DSLContext tx, Actor actor, NewKey request, Fresh fresh) {
        String action = "api_key.created";
        Site site = site(tx);
        Policy.requireCanCreate(actor, site, request.type(), request.ownerUsername(), action);
        Policy.requireExpiryWithinLimit(actor, site, now(), request.expiresAt(), action,
                RowBinding.userTarget(actor.id()), null);
        User owner = request.type() == KeyType.USER ? activeOwner(tx, request.ownerUsername()) : null;
        PermissionSet permission = initialPermission(request, site);
        Attributes attributes = new Attributes(Validation.keyName(request.name()),
                Validation.description(request.description()), owner == null ? null : owner.id(),
                permission, Validation.expiry(request.expiresAt(), now()));
        // inserted, read back as stored with the state its audit entry binds, and the audit head locked
        // for that entry: one statement on a team store
        KeyRepository.Inserted made = new KeyRepository(tx).insertCheckAndLockAuditHead(newRow(actor, fresh, attributes));
        IssuedKey issued = new IssuedKey(made.key().key(), new Secret(fresh.generated().text()));
        audit.appendAfterLocking(tx, made.lockedHead(), actor.username(), action, Policy.target(issued.key()), OUTCOME_OK,
                describe(issued.key()), RowBinding.keyDigest(made.key().keyState()));
        return issued;
    }

    /** Every key the actor may see: all for an administrator, their own for anyone else. Newest first. */
    public List<ApiKey> list(Session session) {
        return guard.run(session, (tx, actor) -> new KeyRepository(tx).list(actor.isAdmin() ? null : actor.id()));
    }

    /**
     * For key tables: the newest {@code limit} keys of {@link #list(Session)}, of one type
     * ({@code null}: both), as the lean {@link KeySummary}, each turned into the caller's row as it
     * is read (the same permission rule: all keys for an administrator, their own for anyone else).
     */
    public <R> List<R> tableRows(Session session, KeyType type, int limit, java.util.function.Function<KeySummary, R> toRow) {
        return guard.run(session, (tx, actor) ->
                new KeyRepository(tx).summaries(actor.isAdmin() ? null : actor.id(), type, limit, toRow));
    }

    /** The most keys one {@link #page} hands over: a table asks for what fits a screen or two. */
    public static final int MAX_PAGE = 1_000;

    /**
     * How many keys a key table shows for {@code query}: exact, counted by the store. The same rule
     * as {@link #tableRows}: every key for an administrator, their own for anyone else.
     */
    public long count(Session session, KeyTableQuery query) {
        return guard.run(session, (tx, actor) -> pages(tx, actor, query).count());
    }

    /**
     * At most {@code limit} (up to {@link #MAX_PAGE}) keys of a key table from position
     * {@code offset}, in the query's order, each turned into the caller's row; the same rule.
     */
    public <R> List<R> page(Session session, KeyTableQuery query, long offset, int limit,
                            java.util.function.Function<KeySummary, R> toRow) {
        int bounded = boundedPage(limit);
        return guard.run(session, (tx, actor) -> pages(tx, actor, query).page(offset, bounded, toRow));
    }

    /** {@link #count} and the {@link #page} at {@code offset}, read in one transaction (a keystroke asks both). */
    public <R> TablePage<R> countAndPage(Session session, KeyTableQuery query, long offset, int limit,
                                         java.util.function.Function<KeySummary, R> toRow) {
        int bounded = boundedPage(limit);
        return guard.run(session, (tx, actor) -> {
            com.keydesk.store.KeyTablePages pages = pages(tx, actor, query);
            return new TablePage<>(pages.count(), pages.page(offset, bounded, toRow));
        });
    }

    /** Where the key is in the key table of {@code query} (0: first), or -1 if that table does not show it to this person. */
    public long positionOf(Session session, KeyTableQuery query, long keyId) {
        return guard.run(session, (tx, actor) -> pages(tx, actor, query).positionOf(keyId));
    }

    /** How many keys a key table shows, and one page of them. */
    public record TablePage<R>(long count, List<R> rows) {
    }

    private com.keydesk.store.KeyTablePages pages(DSLContext tx, Actor actor, KeyTableQuery query) {
        return new com.keydesk.store.KeyTablePages(tx, actor.isAdmin() ? null : actor.id(), query, now());
    }

    private static int boundedPage(int limit) {
        if (limit < 0 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 0 to " + MAX_PAGE + " keys, not " + limit);
        }
        return limit;
    }

    /**
     * The keys {@link #list(Session)} would return, in the same order, handed to {@code each} one at
     * a time while the store reads them, so that a front end writing out 100,000 keys never holds
     * them all. The same rule: all for an administrator, their own for anyone else.
     */
    public void forEach(Session session, Consumer<? super ApiKey> each) {
        guard.run(session, (tx, actor) -> {
            KeyStream.forEach(tx, actor.isAdmin() ? null : actor.id(), each);
            return null;
        });
    }

    /** How many keys the actor may see have expired or expire within the given time: for a sign-in notice. */
    public int countExpiringWithin(Session session, java.time.Duration within) {
        return guard.run(session, (tx, actor) ->
                new KeyRepository(tx).countExpiringBefore(actor.isAdmin() ? null : actor.id(), now().plus(within)));
    }

    /**
     * The keys that no longer work, newest first and at most {@code limit}: revoked ones (read from
     * the audit entries that revoked them, with who and when) and expired ones, of one type
     * ({@code null}: both). An administrator sees all; anyone else only their own.
     */
    public InactiveKeys inactive(Session session, KeyType type, int limit) {
        return guard.run(session, (tx, actor) -> InactiveKeyQuery.read(tx, actor, type, now(), limit));
    }

    /**
     * Whether this person may move a key's expiry later or remove it (the rule {@link #update}
     * applies), asked ahead so a front end offers only what will be allowed.
     */
    public boolean mayLengthenExpiry(Session session) {
        return guard.run(session, (tx, actor) -> Policy.mayLengthenExpiry(actor));
    }

    /**
     * How far ahead this person may set an expiry now (the rule {@link #create}, {@link #update}
     * and {@link #replace} apply): no limit for administrators or on a site without a maximum key
     * lifetime. Asked ahead so a front end offers "never" and later dates only where allowed.
     */
    public ExpiryLimit expiryLimit(Session session) {
        return guard.run(session, (tx, actor) -> Policy.expiryLimit(actor, site(tx), now()));
    }

    public ApiKey show(Session session, long keyId) {
        return guard.run(session, (tx, actor) -> {
            ApiKey key = findFor(tx, actor, keyId, "api_key.viewed");
            Policy.requireCanSee(actor, key, "api_key.viewed");
            return key;
        });
    }

    /** Sets the permission set to {@code none}; remembers the previous one for {@link #enable}. */
    public ApiKey disable(Session session, long keyId) {
        return guard.run(session, (tx, actor) -> {
            String action = "api_key.disabled";
            ApiKey key = findFor(tx, actor, keyId, action);
            requireMayDisable(actor, key);
            RowBinding.requireKey(tx, keyId);
            KeyRepository keys = new KeyRepository(tx);
            keys.setPermission(keyId, PermissionSet.NONE, key.permissionSet(), actor.isAdmin());
            audit.append(tx, actor.username(), action, Policy.target(key), OUTCOME_OK,
                    "was " + key.permissionSet().wireName(), RowBinding.ofKey(tx, keyId));
            return find(tx, keyId);
        });
    }

    /** Restores the remembered permission set, or the one chosen (user keys; site keys are always full). */
    public ApiKey enable(Session session, long keyId, PermissionSet chosen) {
        return guard.run(session, (tx, actor) -> {
            String action = "api_key.enabled";
            ApiKey key = findFor(tx, actor, keyId, action);
            requireMayEnable(actor, site(tx), key);
            RowBinding.requireKey(tx, keyId);
            PermissionSet restored = chosen != null ? chosen
                    : key.previousPermissionSet() != null ? key.previousPermissionSet() : PermissionSet.FULL;
            requireUsablePermission(key.type(), restored);
            new KeyRepository(tx).setPermission(keyId, restored, null, false);
            audit.append(tx, actor.username(), action, Policy.target(key), OUTCOME_OK, "now " + restored.wireName(),
                    RowBinding.ofKey(tx, keyId));
            return find(tx, keyId);
        });
    }

    /** Changes name, description or expiry; a non-administrator owner may only bring the expiry earlier. */
    public ApiKey update(Session session, long keyId, KeyEdit edit) {
        return guard.run(session, (tx, actor) -> edit(tx, actor, keyId, edit));
    }

    /**
     * As {@link #update(Session, long, KeyEdit)} and, when {@code permission} is not null, the
     * permission set too, in one transaction (the HTTP API's PATCH): {@code none} disables the key
     * as {@link #disable} does; any other set follows the rules of {@link #enable}.
     */
    public ApiKey update(Session session, long keyId, KeyEdit edit, PermissionSet permission) {
        return guard.run(session, (tx, actor) -> {
            boolean nothingToEdit = edit.name() == null && edit.description() == null && edit.expiresAt() == null
                    && !edit.removeExpiry();
            ApiKey edited = nothingToEdit && permission != null ? seen(tx, actor, keyId) : edit(tx, actor, keyId, edit);
            return permission == null || permission == edited.permissionSet() ? edited
                    : changePermission(tx, actor, edited, permission);
        });
    }

    private static ApiKey seen(DSLContext tx, Actor actor, long keyId) {
        ApiKey key = findFor(tx, actor, keyId, "api_key.updated");
        Policy.requireCanSee(actor, key, "api_key.updated");
        RowBinding.requireKey(tx, keyId);
        return key;
    }

    private ApiKey edit(DSLContext tx, Actor actor, long keyId, KeyEdit edit) {
        String action = "api_key.updated";
        ApiKey key = findFor(tx, actor, keyId, action);
        Instant expiry = edit.removeExpiry() ? null : edit.expiresAt() != null ? edit.expiresAt() : key.expiresAt();
        Site site = site(tx);
        Policy.requireCanEdit(actor, site, key, expiry, action);
        if (!Objects.equals(Times.storable(expiry), key.expiresAt())) {
            // a kept expiry is not checked: the maximum does not reach back to keys made before it
            Policy.requireExpiryWithinLimit(actor, site, now(), expiry, action, Policy.target(key), null);
        }
        RowBinding.requireKey(tx, keyId);
        String name = edit.name() != null ? Validation.keyName(edit.name()) : key.name();
        String description = edit.description() != null ? Validation.description(edit.description()) : key.description();
        if (edit.expiresAt() != null) {
            Validation.expiry(edit.expiresAt(), now());
        }
        new KeyRepository(tx).update(keyId, name, description, expiry);
        audit.append(tx, actor.username(), action, Policy.target(key), OUTCOME_OK,
                changes(key, name, description, expiry), RowBinding.ofKey(tx, keyId));
        return find(tx, keyId);
    }

    private ApiKey changePermission(DSLContext tx, Actor actor, ApiKey key, PermissionSet wanted) {
        KeyRepository keys = new KeyRepository(tx);
        if (wanted == PermissionSet.NONE) {
            Policy.requireCanDisable(actor, key, "api_key.disabled");
            keys.setPermission(key.id(), PermissionSet.NONE, key.permissionSet(), actor.isAdmin());
            audit.append(tx, actor.username(), "api_key.disabled", Policy.target(key), OUTCOME_OK,
                    "was " + key.permissionSet().wireName(), RowBinding.ofKey(tx, key.id()));
            return find(tx, key.id());
        }
        String action = key.permissionSet() == PermissionSet.NONE ? "api_key.enabled" : "api_key.permission_changed";
        Policy.requireCanEnable(actor, site(tx), key, action);
        if (key.isExpired(now())) {
            throw new ConflictException("Key " + key.id() + " (" + key.name()
                    + ") has expired and cannot be enabled; create a new key instead.");
        }
        requireUsablePermission(key.type(), wanted);
        keys.setPermission(key.id(), wanted, null, false);
        audit.append(tx, actor.username(), action, Policy.target(key), OUTCOME_OK,
                "was " + key.permissionSet().wireName() + ", now " + wanted.wireName(), RowBinding.ofKey(tx, key.id()));
        return find(tx, key.id());
    }

    /** Deletes the key for good. The audit log keeps the record that it existed. */
    public void revoke(Session session, long keyId) {
        revoke(session, keyId, null);
    }

    /**
     * As {@link #revoke(Session, long)}, with why it was revoked (for example {@code found in
     * <path>} from the leak scanner) added to the audit entry. The reason is untrusted text: it is
     * made printable and cut short; it must never hold a secret.
     */
    public void revoke(Session session, long keyId, String reason) {
        guard.run(session, (tx, actor) -> {
            String action = "api_key.revoked";
            ApiKey key = findFor(tx, actor, keyId, action);
            requireMayRevoke(actor, site(tx), key);
            // no binding check: deleting is safe even for a row changed outside KeyDesk, and clears it away
            new KeyRepository(tx).delete(keyId);
            String detail = describe(key) + (reason == null || reason.isBlank() ? "" : "; " + AuditText.reason(reason));
            audit.append(tx, actor.username(), action, Policy.target(key), OUTCOME_OK, detail, RowBinding.REMOVED);
            return null;
        });
    }

    /**
     * "I lost this key": in one transaction, revokes the key and creates a new one with the same
     * name, description, owner, permission set and expiry. The new secret is shown once.
     */
    public IssuedKey replace(Session session, long keyId) {
        return guard.run(session, (tx, actor) -> {
            String action = "api_key.replaced";
            ApiKey old = findFor(tx, actor, keyId, action);
            requireMayReplace(actor, site(tx), old);
            RowBinding.requireKey(tx, keyId);
            KeyRepository keys = new KeyRepository(tx);
            // the type is known only now: this hash stays inside (a replace is rare; a create is not)
            IssuedKey issued = insert(tx, actor, fresh(old.type()), new Attributes(old.name(), old.description(),
                    old.userId(), old.permissionSet(), old.expiresAt()));
            keys.copyDisableState(keyId, issued.key().id());
            keys.delete(keyId);
            // two entries: the old row's removal is bound too, so that it can never be put back unseen
            audit.append(tx, actor.username(), "api_key.revoked", Policy.target(old), OUTCOME_OK,
                    describe(old) + " (replaced by api_key:" + issued.key().id() + ")", RowBinding.REMOVED);
            audit.append(tx, actor.username(), action, Policy.target(issued.key()), OUTCOME_OK,
                    "replaces api_key:" + keyId + " (" + old.descriptiveLabel() + ") with api_key:"
                            + issued.key().id() + " (" + issued.key().descriptiveLabel() + ")",
                    RowBinding.ofKey(tx, issued.key().id()));
            return new IssuedKey(find(tx, issued.key().id()), issued.secret());
        });
    }

    /*
     * The rules of disable, enable, revoke and replace, each in one place: the action runs it and
     * allowedActions asks it, so what a front end offers and what the service does cannot drift.
     */

    private static void requireMayDisable(Actor actor, ApiKey key) {
        Policy.requireCanDisable(actor, key, "api_key.disabled");
        if (key.permissionSet() == PermissionSet.NONE) {
            throw new ConflictException("Key " + key.id() + " (" + key.name() + ") is already disabled.");
        }
    }

    private void requireMayEnable(Actor actor, Site site, ApiKey key) {
        Policy.requireCanEnable(actor, site, key, "api_key.enabled");
        if (key.permissionSet() != PermissionSet.NONE) {
            throw new ConflictException("Key " + key.id() + " (" + key.name() + ") is already enabled.");
        }
        if (key.isExpired(now())) {
            throw new ConflictException("Key " + key.id() + " (" + key.name()
                    + ") has expired and cannot be enabled; create a new key instead.");
        }
    }

    private static void requireMayRevoke(Actor actor, Site site, ApiKey key) {
        Policy.requireCanRevoke(actor, site, key, "api_key.revoked");
    }

    private void requireMayReplace(Actor actor, Site site, ApiKey old) {
        String action = "api_key.replaced";
        Policy.requireCanRevoke(actor, site, old, action);
        // the new key is one this person makes, with the old key's expiry
        Policy.requireExpiryWithinLimit(actor, site, now(), old.expiresAt(), action, Policy.target(old), old.id());
        if (old.isExpired(now())) {
            throw new ConflictException("Key " + old.id() + " (" + old.name()
                    + ") has expired; revoke it and create a new key with a new expiry instead.");
        }
        if (old.type() == KeyType.USER && !old.ownerActive()) {
            throw new ConflictException("The owner of key " + old.id() + " is deactivated; no new key can be made for them.");
        }
    }

    /**
     * What the signed-in person may do to each of these keys now, in the order asked, each refusal
     * with the sentence the action would get (a key that is gone, or not theirs, is refused
     * everything). Nothing is audited: asking is not attempting.
     */
    public List<KeyActionsAllowed> allowedActions(Session session, java.util.Collection<Long> keyIds) {
        return guard.run(session, (tx, actor) -> {
            Site site = site(tx);
            List<KeyActionsAllowed> answers = new java.util.ArrayList<>(keyIds.size());
            for (long id : keyIds) {
                ApiKey key;
                try {
                    key = findFor(tx, actor, id, "api_key.viewed");
                    Policy.requireCanSee(actor, key, "api_key.viewed");
                } catch (Denied | NotFoundException gone) {
                    Allowed no = Allowed.no(gone.getMessage());
                    answers.add(new KeyActionsAllowed(id, no, no, no, no));
                    continue;
                }
                answers.add(new KeyActionsAllowed(id, Answer.of(() -> requireMayDisable(actor, key)),
                        Answer.of(() -> requireMayEnable(actor, site, key)),
                        Answer.of(() -> requireMayRevoke(actor, site, key)),
                        Answer.of(() -> requireMayReplace(actor, site, key))));
            }
            return answers;
        });
    }

    /**
     * Whether the signed-in person may make a key of this type for themselves now (the rule
     * {@link #create} applies, before the owner, name and expiry are known), with the sentence why not.
     */
    public Allowed mayCreateKeys(Session session, KeyType type) {
        return guard.run(session, (tx, actor) -> Answer.of(() ->
                Policy.requireCanCreate(actor, site(tx), type, actor.username(), "api_key.created")));
    }

    private record Attributes(String name, String description, Long ownerId, PermissionSet permission,
                              Instant expiresAt) {
    }

    /**
     * A new key and its Argon2id hash. Made before a create's transaction: the 20-30 ms hash then
     * holds no snapshot, no connection and no lock, and a team store that must run the transaction
     * again after a serialization failure does not hash again. A request refused inside has paid
     * for a hash it did not need; only a signed-in person or a valid key can ask.
     */
    private record Fresh(GeneratedKey generated, String hash) {
    }

    private Fresh fresh(KeyType type) {
        GeneratedKey generated = format.generate(type);
        return new Fresh(generated, hasher.hash(generated.secretPart().toCharArray()));
    }

    private IssuedKey insert(DSLContext tx, Actor actor, Fresh fresh, Attributes a) {
        long id = new KeyRepository(tx).insert(newRow(actor, fresh, a));
        return new IssuedKey(find(tx, id), new Secret(fresh.generated().text()));
    }

    private KeyRepository.NewRow newRow(Actor actor, Fresh fresh, Attributes a) {
        GeneratedKey generated = fresh.generated();
        return new KeyRepository.NewRow(generated.lookupId(), fresh.hash(), a.name(), a.description(), a.ownerId(),
                a.permission(), generated.label(), now(), actor.creatorId(), a.expiresAt());
    }

    /** The set asked for; else the site's default for a user key (a site key is always full). */
    private static PermissionSet initialPermission(NewKey request, Site site) {
        PermissionSet permission = request.permissionSet() != null ? request.permissionSet()
                : request.type() == KeyType.USER ? site.defaultPermissionSet() : PermissionSet.FULL;
        if (permission == PermissionSet.NONE) {
            throw new ValidationException("permission",
                    "A new key cannot start disabled; choose a permission set other than none.");
        }
        requireUsablePermission(request.type(), permission);
        return permission;
    }

    private static void requireUsablePermission(KeyType type, PermissionSet permission) {
        if (permission == PermissionSet.NONE) {
            throw new ValidationException("permission", "To switch a key off, disable it.");
        }
        if (type == KeyType.SITE && permission != PermissionSet.FULL) {
            throw new ValidationException("permission", "A site-wide key always has the full permission set.");
        }
    }

    private User activeOwner(DSLContext tx, String username) {
        if (username == null || username.isBlank()) {
            throw new ValidationException("owner", "A user key needs an owner: choose the user it belongs to.");
        }
        UserCheck checked = UserCheck.byUsername(tx, username.strip())
                .orElseThrow(() -> new NotFoundException("There is no user named \""
                        + Texts.printable(username) + "\".", NotFoundException.Thing.USER));
        User owner = checked.user();
        if (!owner.active()) {
            throw new ConflictException("User " + owner.username() + " is deactivated; no new key can be made for them.");
        }
        RowBinding.requireUser(tx, checked);
        return owner;
    }

    /**
     * The key, as the actor may learn of it: to a non-administrator a key that does not exist
     * looks exactly like someone else's (refused and audited), so key ids cannot be probed.
     */
    private static ApiKey findFor(DSLContext tx, Actor actor, long keyId, String action) {
        return new KeyRepository(tx).findById(keyId).orElseThrow(() -> actor.isAdmin()
                ? new NotFoundException("There is no key with id " + keyId + ".", NotFoundException.Thing.KEY)
                : new Denied(actor, action, "api_key:" + keyId, Policy.notYours(keyId),
                        com.keydesk.domain.PermissionDeniedException.Rule.NOT_YOURS));
    }

    static ApiKey find(DSLContext tx, long keyId) {
        return new KeyRepository(tx).findById(keyId)
                .orElseThrow(() -> new NotFoundException("There is no key with id " + keyId + ".", NotFoundException.Thing.KEY));
    }

    /** The site and its setting, which decide what people may do: only as the audit chain last recorded them. */
    static Site site(DSLContext tx) {
        // the site, its row's state and the chain's digest of it: one read (one round trip to a team store)
        SiteCheck site = SiteCheck.read(tx).orElseThrow(() -> new IllegalStateException("The store has no site"));
        RowBinding.requireSite(tx, site);
        return site.site();
    }

    private Instant now() {
        return Times.storable(clock.instant());
    }

    private static String describe(ApiKey key) {
        return "name=\"" + key.name() + "\" label=" + key.descriptiveLabel() + " type=" + key.type().name().toLowerCase(Locale.ROOT)
                + (key.ownerUsername() == null ? "" : " owner=" + key.ownerUsername())
                + " permission=" + key.permissionSet().wireName()
                + (key.expiresAt() == null ? "" : " expires=" + key.expiresAt());
    }

    private static String changes(ApiKey key, String name, String description, Instant expiry) {
        StringBuilder out = new StringBuilder();
        if (!name.equals(key.name())) {
            out.append("name \"").append(key.name()).append("\" -> \"").append(name).append("\"; ");
        }
        if (!Objects.equals(description, key.description())) {
            out.append("description changed; ");
        }
        if (!Objects.equals(expiry, key.expiresAt())) {
            out.append("expires ").append(key.expiresAt()).append(" -> ").append(expiry).append("; ");
        }
        return out.isEmpty() ? "no change" : out.substring(0, out.length() - 2);
    }

    /** For status filters in front ends: the same rule everywhere. */
    public KeyStatus statusOf(ApiKey key) {
        return key.status(clock.instant());
    }
}
