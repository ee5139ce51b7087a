package com.keydesk.service;

/**
 * The API key a request came with, after it was verified, and the client's address as the
 * server saw it. Never holds any part of the secret.
 */
public record ApiOrigin(long keyId, String clientAddress) {
    /** What every audit entry written for such a request adds to its detail. */
    String auditText() {
        return "via api_key:" + keyId + " from " + clientAddress;
    }
}
