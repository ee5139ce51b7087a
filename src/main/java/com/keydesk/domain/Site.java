package com.keydesk.domain;

/**
 * The one site a store administers, and its settings.
 *
 * @param defaultPermissionSet  what a new user key gets when its creator names no permission set
 * @param maxKeyLifetimeDays    how many days ahead a key made by a non-administrator may expire;
 *                              null for no maximum (administrators are never limited)
 */
public record Site(String name, boolean usersCanCreateApiKeys, PermissionSet defaultPermissionSet,
                   Integer maxKeyLifetimeDays) {
    /**
     * The settings' values in a store made before they existed (schema 4 and older, and backups of
     * it): the least-privileged working set, and no maximum lifetime. V5's column defaults.
     */
    public static final PermissionSet FIRST_DEFAULT_PERMISSION_SET = PermissionSet.FILES_ONLY;
}
