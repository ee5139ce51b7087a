package com.keydesk.service;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.AuthenticationException;
import com.keydesk.domain.KeyRejectedException;
import com.keydesk.domain.PermissionDeniedException.Rule;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.User;
import com.keydesk.store.KeyRepository;
import com.keydesk.store.UserRepository;
import org.jooq.DSLContext;

import java.time.Instant;

/**
 * The actor of a request made through the HTTP API, read again inside the request's own
 * transaction: a key revoked, disabled or expired since it was verified (in this process or
 * another) acts no more. A user key acts as its owner; a site-wide key as an administrator. Only
 * a {@code full} key may manage keys.
 */
final class KeyActor {
    static final String NOT_VALID = "This key is not valid. It may have been revoked or mistyped.";

    private KeyActor() {
    }

    static Actor of(DSLContext tx, ApiOrigin origin, Instant now) {
        ApiKey key = new KeyRepository(tx).findById(origin.keyId())
                .filter(k -> !k.isExpired(now) && k.ownerActive())
                .orElseThrow(() -> new AuthenticationException(NOT_VALID));
        if (key.permissionSet() == PermissionSet.NONE) {
            throw new KeyRejectedException("This key is disabled.", true);
        }
        if (RowBinding.mismatch(tx, RowBinding.keyTarget(key.id()), RowBinding.ofKey(tx, key.id()), "This key's record") != null) {
            throw new AuthenticationException(NOT_VALID);
        }
        Actor actor = key.userId() == null ? siteKeyActor(key) : owner(tx, key.userId());
        if (key.permissionSet() != PermissionSet.FULL) {
            throw new Denied(actor, "api.request", RowBinding.keyTarget(key.id()),
                    "Only a key with the full permission set may manage keys; this one is "
                            + key.permissionSet().wireName() + ".", Rule.NEEDS_FULL_KEY);
        }
        return actor;
    }

    private static Actor siteKeyActor(ApiKey key) {
        // id 0 is no user's: such an actor owns no key, and creates keys with no recorded creator
        return new Actor(new User(0, RowBinding.keyTarget(key.id()), "site-wide key " + key.descriptiveLabel(),
                true, true, key.createdAt(), 0, false), true);
    }

    private static Actor owner(DSLContext tx, long userId) {
        Actor actor = new UserRepository(tx).findById(userId).filter(User::active).map(Actor::new)
                .orElseThrow(() -> new AuthenticationException(NOT_VALID));
        RowBinding.requireUser(tx, actor.id());
        return actor;
    }
}
