package com.keydesk.domain;

import java.time.Instant;

/**
 * A change to a key's name, description or expiry. A null field is left as it is;
 * {@code removeExpiry} clears the expiry (only administrators may lengthen a key's life).
 */
public record KeyEdit(String name, String description, Instant expiresAt, boolean removeExpiry) {
}
