package com.keydesk.domain;

import java.time.Instant;

/** A person who signs in. The password hash stays in the store layer and never reaches here. */
public record User(long id, String username, String displayName, boolean admin, boolean active,
                   Instant createdAt, int keyCount) {
}
