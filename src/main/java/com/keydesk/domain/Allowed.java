package com.keydesk.domain;

/**
 * The service's answer to "may this person do this now?", asked ahead of doing it: for a refusal,
 * the very sentence the service would give if the action were tried, so a front end can disable
 * the action and say why.
 */
public record Allowed(boolean allowed, String reason) {
    public static final Allowed YES = new Allowed(true, null);

    public static Allowed no(String reason) {
        return new Allowed(false, reason);
    }

    public boolean refused() {
        return !allowed;
    }
}
