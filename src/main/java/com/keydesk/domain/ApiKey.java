package com.keydesk.domain;

import java.time.Instant;

/**
 * An API key as people see it: every field of Files.com's key except the secret, which is
 * never stored and so cannot appear here.
 *
 * @param userId        the owner, or null for a site-wide key
 * @param ownerUsername the owner's username, or null for a site-wide key
 * @param createdBy     username of whoever created it (null if that user no longer exists)
 */
public record ApiKey(
        long id,
        String name,
        String description,
        Long userId,
        String ownerUsername,
        boolean ownerIsAdmin,
        boolean ownerActive,
        PermissionSet permissionSet,
        PermissionSet previousPermissionSet,
        boolean disabledByAdmin,
        String descriptiveLabel,
        Instant createdAt,
        String createdBy,
        Instant expiresAt,
        Instant lastUseAt) {

    public KeyType type() {
        return userId == null ? KeyType.SITE : KeyType.USER;
    }

    public boolean isExpired(Instant now) {
        return status(now) == KeyStatus.EXPIRED;
    }

    public KeyStatus status(Instant now) {
        return KeyStatus.of(permissionSet, expiresAt, ownerActive, now);
    }

    /** The same key, last used at {@code at}: what its row reads after a use is recorded. */
    public ApiKey withLastUseAt(Instant at) {
        return new ApiKey(id, name, description, userId, ownerUsername, ownerIsAdmin, ownerActive, permissionSet,
                previousPermissionSet, disabledByAdmin, descriptiveLabel, createdAt, createdBy, expiresAt, at);
    }

    /** A site key, or a key of an administrator, can do anything on the site. */
    public boolean hasFullSitePower() {
        return type() == KeyType.SITE || ownerIsAdmin;
    }
}
