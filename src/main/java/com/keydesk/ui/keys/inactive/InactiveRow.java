package com.keydesk.ui.keys.inactive;

/**
 * One row of the inactive keys table, as text.
 *
 * @param owner     the owner's username, or "Site key"
 * @param state     "Revoked" or "Expired"
 * @param by        who revoked it; empty for an expired key
 * @param when      when it was revoked or expired, in this machine's time zone
 */
public record InactiveRow(long id, String name, String owner, String state, String by, String when) {
}
