package com.keydesk.domain;

import java.time.Instant;

/**
 * What a person asks for when creating a key.
 *
 * @param ownerUsername null for a site-wide key
 * @param permissionSet null means the default: the site's default permission set for a user key
 *                      ({@code files_only} unless an administrator chose another), {@code full} for a site key
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
