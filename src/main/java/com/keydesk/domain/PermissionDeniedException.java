package com.keydesk.domain;

/** The acting user may not do this. Written to the audit log before it is thrown. */
public class PermissionDeniedException extends KeyDeskException {
    public PermissionDeniedException(String message) {
        super(message);
    }
}
