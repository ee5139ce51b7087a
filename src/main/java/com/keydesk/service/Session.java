package com.keydesk.service;

/**
 * Who is signed in. Only an identity: every service call reloads the user, so a role or
 * activation change takes effect on the very next call.
 *
 * @param origin null for a person signed in with a password; for a request through the HTTP API,
 *               the API key that made it and where it came from (made only by {@link ApiAccess}).
 *               Every call then re-reads that key too, and every audit entry the call writes names it.
 */
public record Session(long userId, String username, ApiOrigin origin) {
    public Session(long userId, String username) {
        this(userId, username, null);
    }
}
