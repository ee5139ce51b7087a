package com.keydesk.service;

/**
 * Who is signed in. Only an identity: every service call reloads the user, so a role or
 * activation change takes effect on the very next call.
 */
public record Session(long userId, String username) {
}
