package com.keydesk.domain;

import java.time.Instant;

/**
 * A person who signs in. The password hash stays in the store layer and never reaches here.
 *
 * @param mustChangePassword an administrator reset their password: they must choose a new one
 *                           before anything else
 */
public record User(long id, String username, String displayName, boolean admin, boolean active,
                   Instant createdAt, int keyCount, boolean mustChangePassword) {
}
