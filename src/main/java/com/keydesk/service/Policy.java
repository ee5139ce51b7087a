package com.keydesk.service;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.ExpiryLimit;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.PermissionDeniedException.Rule;
import com.keydesk.domain.Site;
import com.keydesk.domain.Texts;
import com.keydesk.store.Times;
import com.keydesk.store.UserRepository;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The authorization matrix of product.md, in one place. Deny by default: each method returns
 * only when the actor may act, and throws {@link Denied} otherwise.
 * The principle for cases the source leaves open: an owner may always reduce their own key's
 * access; adding access needs the site setting.
 */
final class Policy {
    private Policy() {
    }

    static void requireAdmin(Actor actor, String action, String target) {
        if (!actor.isAdmin()) {
            throw new Denied(actor, action, target, "Only a site administrator may do this.");
        }
    }

    /** List and show: administrators see every key, others only their own. */
    static void requireCanSee(Actor actor, ApiKey key, String action) {
        if (!actor.isAdmin() && !ownsKey(actor, key)) {
            throw new Denied(actor, action, target(key), notYours(key.id()), Rule.NOT_YOURS);
        }
    }

    /**
     * Decided on the username asked for, before it is looked up: whether another user exists or is
     * deactivated is not a non-administrator's business.
     */
    static void requireCanCreate(Actor actor, Site site, KeyType type, String ownerUsername, String action) {
        if (actor.isAdmin()) {
            return;
        }
        if (type == KeyType.SITE) {
            throw new Denied(actor, action, "site", "Only a site administrator may create site-wide keys.");
        }
        String owner = ownerUsername == null ? "" : ownerUsername.strip();
        if (!UserRepository.usernameKey(owner).equals(UserRepository.usernameKey(actor.username()))) {
            throw new Denied(actor, action, "user:" + Texts.printable(owner), "You may create keys only for yourself.",
                    Rule.OTHER_USER);
        }
        requireSetting(actor, site, action, "user:" + actor.id());
    }

    /** Disabling reduces access: any owner may always disable their own key. */
    static void requireCanDisable(Actor actor, ApiKey key, String action) {
        requireAdminOrOwner(actor, key, action);
    }

    static void requireCanEnable(Actor actor, Site site, ApiKey key, String action) {
        if (actor.isAdmin()) {
            return;
        }
        requireAdminOrOwner(actor, key, action);
        requireSetting(actor, site, action, target(key));
        if (key.disabledByAdmin()) {
            throw new Denied(actor, action, target(key),
                    "An administrator disabled this key; only an administrator can enable it again.");
        }
    }

    /** Editing: owners need the setting, and may only bring the expiry earlier (or keep it). */
    static void requireCanEdit(Actor actor, Site site, ApiKey key, Instant newExpiry, String action) {
        if (actor.isAdmin()) {
            return;
        }
        requireAdminOrOwner(actor, key, action);
        requireSetting(actor, site, action, target(key));
        Instant old = key.expiresAt();
        boolean lengthens = old != null && (newExpiry == null || newExpiry.isAfter(old));
        if (lengthens && !mayLengthenExpiry(actor)) {
            throw new Denied(actor, action, target(key),
                    "Only an administrator can extend or remove a key's expiry; you may only make it earlier.");
        }
    }

    /**
     * The latest expiry this actor may give a key now: administrators are never limited, nor is
     * anyone on a site without a maximum key lifetime.
     */
    static ExpiryLimit expiryLimit(Actor actor, Site site, Instant now) {
        Integer days = site.maxKeyLifetimeDays();
        return actor.isAdmin() || days == null ? ExpiryLimit.NONE : new ExpiryLimit(days, now.plus(Duration.ofDays(days)));
    }

    /**
     * A key a non-administrator makes, or whose expiry they change, must expire within the site's
     * maximum lifetime: no expiry, or a later one, is refused with the latest expiry allowed.
     * {@code replacedKeyId}: the key a replace copies its expiry from (null for a choice the person made).
     */
    static void requireExpiryWithinLimit(Actor actor, Site site, Instant now, Instant expiresAt, String action,
                                         String target, Long replacedKeyId) {
        ExpiryLimit limit = expiryLimit(actor, site, now);
        if (limit.allows(Times.storable(expiresAt))) {
            return;
        }
        String latest = LATEST.format(limit.latest());
        throw new Denied(actor, action, target, "On this site a key made by anyone but an administrator must expire"
                + " within " + limit.maxDays() + (limit.maxDays() == 1 ? " day" : " days") + ": " + (replacedKeyId == null
                ? "choose an expiry on or before " + latest + "."
                : "key " + replacedKeyId + " expires later or never, so first give it an expiry on or before " + latest
                + ", then replace it."));
    }

    private static final DateTimeFormatter LATEST = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Moving a key's expiry later, or removing it: administrators only. */
    static boolean mayLengthenExpiry(Actor actor) {
        return actor.isAdmin();
    }

    /** Revoke and replace: administrators for any key, owners of user keys when the setting allows it. */
    static void requireCanRevoke(Actor actor, Site site, ApiKey key, String action) {
        if (actor.isAdmin()) {
            return;
        }
        requireAdminOrOwner(actor, key, action);
        requireSetting(actor, site, action, target(key));
    }

    static boolean ownsKey(Actor actor, ApiKey key) {
        return key.userId() != null && key.userId() == actor.id();
    }

    /** The one answer a non-administrator gets for a key id that is not theirs, whether it exists or not. */
    static String notYours(long keyId) {
        return "Key " + keyId + " is not one of your keys.";
    }

    static String target(ApiKey key) {
        return "api_key:" + key.id();
    }

    private static void requireAdminOrOwner(Actor actor, ApiKey key, String action) {
        if (actor.isAdmin()) {
            return;
        }
        // A site key gets the sentence a missing id gets (KeyService.findFor): which ids are site
        // keys is not a non-administrator's business.
        if (!ownsKey(actor, key)) {
            throw new Denied(actor, action, target(key), notYours(key.id()), Rule.NOT_YOURS);
        }
    }

    private static void requireSetting(Actor actor, Site site, String action, String target) {
        if (!site.usersCanCreateApiKeys()) {
            throw new Denied(actor, action, target,
                    "This site does not let users manage their own API keys; ask an administrator.");
        }
    }
}
