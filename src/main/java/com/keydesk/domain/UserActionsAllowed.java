package com.keydesk.domain;

/**
 * What the asking administrator may do to one user now (see {@code UserService.allowedActions}):
 * {@code role} is making them an administrator, or unmaking one if they are; {@code activation}
 * deactivating them, or activating them if they are deactivated.
 */
public record UserActionsAllowed(String username, Allowed role, Allowed activation, Allowed resetPassword,
                                 Allowed rename) {
    /** Nothing is allowed, each for the same reason (for example: no user is selected). */
    public static UserActionsAllowed none(String reason) {
        Allowed no = Allowed.no(reason);
        return new UserActionsAllowed(null, no, no, no, no);
    }
}
