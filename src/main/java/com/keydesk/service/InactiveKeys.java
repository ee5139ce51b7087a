package com.keydesk.service;

import com.keydesk.domain.InactiveKey;

import java.util.List;

/**
 * Keys that no longer work, newest first: revoked and expired together. {@code more} when more
 * matched than were read (the view says it shows only the newest).
 */
public record InactiveKeys(List<InactiveKey> keys, boolean more) {
}
