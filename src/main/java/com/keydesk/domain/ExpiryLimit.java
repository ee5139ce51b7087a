package com.keydesk.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How far ahead one person may set a key's expiry now, as the service decides it: for an
 * administrator, or on a site without a maximum key lifetime, anything (no expiry too); for
 * anyone else on a site with a maximum, an expiry no later than {@code latest}. Front ends ask
 * for it to offer only what will be accepted; the service applies the same answer on every call.
 *
 * @param maxDays the site's maximum lifetime in days, or null for none
 * @param latest  the latest expiry allowed now, or null for none
 */
public record ExpiryLimit(Integer maxDays, Instant latest) {
    public static final ExpiryLimit NONE = new ExpiryLimit(null, null);
    /**
     * How much later than {@code latest} an expiry is still taken: a form offers "in 90 days" on a
     * site whose maximum is 90 days, and computes that expiry a moment after the service computed
     * {@code latest} (and again on create). Small against days; it keeps the longest preset usable.
     */
    public static final Duration GRACE = Duration.ofMinutes(5);

    /** Whether a key may be made (or left) without an expiry. */
    public boolean allowsNoExpiry() {
        return latest == null;
    }

    /** Whether this expiry (null: none) is allowed. */
    public boolean allows(Instant expiresAt) {
        return expiresAt == null ? allowsNoExpiry() : latest == null || !expiresAt.isAfter(latest.plus(GRACE));
    }
}
