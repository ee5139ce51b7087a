package com.keydesk.domain;

/**
 * The status choices above a key table. {@link #accepts} is the rule for rows held in memory;
 * the store's SQL for a page of a large table (store/KeyTableSql) says the same in its own terms,
 * and KeyTablePagesTest holds the two to the same keys on both engines.
 */
public enum KeyStatusFilter {
    ALL, ACTIVE, EXPIRING_SOON, DISABLED, EXPIRED, OWNER_DEACTIVATED, NEEDS_ATTENTION;

    public boolean accepts(KeyCondition condition) {
        return switch (this) {
            case ALL -> true;
            case ACTIVE -> condition.works();
            case EXPIRING_SOON -> condition == KeyCondition.EXPIRING_SOON;
            case DISABLED -> condition == KeyCondition.DISABLED;
            case EXPIRED -> condition == KeyCondition.EXPIRED;
            case OWNER_DEACTIVATED -> condition == KeyCondition.OWNER_DEACTIVATED;
            case NEEDS_ATTENTION -> condition == KeyCondition.EXPIRING_SOON || condition == KeyCondition.EXPIRED;
        };
    }
}
