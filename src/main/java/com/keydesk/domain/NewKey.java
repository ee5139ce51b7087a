package com.keydesk.domain;

import java.time.Instant;

/**
 * What a person asks for when creating a key.
 *
 * @param ownerUsername null for a site-wide key
 * @param permissionSet null means the default: {@code full}
 * @param expiresAt     null means the key does not expire
 */
public record NewKey(KeyType type, String ownerUsername, String name, String description,
                     PermissionSet permissionSet, Instant expiresAt) {

    public static NewKey site(String name, String description, Instant expiresAt) {
        return new NewKey(KeyType.SITE, null, name, description, PermissionSet.FULL, expiresAt);
    }

    public static NewKey forUser(String owner, String name, String description,
                                 PermissionSet permissionSet, Instant expiresAt) {
        return new NewKey(KeyType.USER, owner, name, description, permissionSet, expiresAt);
    }
}
