package com.keydesk.domain;

import java.time.Instant;

/**
 * What a key table shows of a key, and no more: tables hold one per key (100,000 and more), so
 * the fields only the details dialog needs stay in the store until it asks for {@link ApiKey}.
 *
 * @param ownerUsername the owner's username, or null for a site-wide key
 * @param ownerActive   false only for a user key whose owner is deactivated
 * @param previousPermissionSet the set a disabled key keeps for enable to give back; null otherwise
 * @param description   only for search; may be null
 * @param createdBy     username of whoever created it (null if that user no longer exists)
 */
public record KeySummary(
        long id,
        String name,
        String description,
        String ownerUsername,
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
        return ownerUsername == null ? KeyType.SITE : KeyType.USER;
    }

    /** What enable gives back: the set kept when the key was disabled, or null if it is not disabled. */
    public PermissionSet restoredOnEnable() {
        return permissionSet == PermissionSet.NONE ? previousPermissionSet : null;
    }

    public KeyStatus status(Instant now) {
        return KeyStatus.of(permissionSet, expiresAt, ownerActive, now);
    }
}
