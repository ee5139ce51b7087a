package com.keydesk.domain;

/** What the asking person may do to one key now (see {@code KeyService.allowedActions}). */
public record KeyActionsAllowed(long keyId, Allowed disable, Allowed enable, Allowed revoke, Allowed replace) {
}
