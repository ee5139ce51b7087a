package com.keydesk.cli;

import com.keydesk.domain.AuthenticationException;
import com.keydesk.domain.ConfirmationNeededException;
import com.keydesk.domain.ConflictException;
import com.keydesk.domain.KeyRejectedException;
import com.keydesk.domain.NotFoundException;
import com.keydesk.domain.PermissionDeniedException;
import com.keydesk.domain.StoreException;
import com.keydesk.domain.TamperedException;
import com.keydesk.domain.ValidationException;

/** The command line's exit codes, documented in the README. Scripts depend on them: never renumber. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USAGE = 2;
    public static final int AUTHENTICATION = 3;
    public static final int PERMISSION_DENIED = 4;
    public static final int NOT_FOUND = 5;
    public static final int INVALID_INPUT = 6;
    public static final int KEY_REJECTED = 7;
    public static final int STORE_UNUSABLE = 8;
    public static final int STORE_IN_USE = 9;
    public static final int CONFLICT = 10;
    public static final int AUDIT_BROKEN = 11;
    /** {@code scan} found at least one KeyDesk key (whatever its status, and even if --revoke revoked it). */
    public static final int LEAKS_FOUND = 12;

    private ExitCode() {
    }

    static int of(RuntimeException e) {
        return switch (e) {
            case UsageException u -> USAGE;
            case ConfirmationNeededException c -> USAGE;
            case AuditBrokenException b -> AUDIT_BROKEN;
            case TamperedException t -> AUDIT_BROKEN;
            case ValidationException v -> INVALID_INPUT;
            case AuthenticationException a -> AUTHENTICATION;
            case PermissionDeniedException p -> PERMISSION_DENIED;
            case NotFoundException n -> NOT_FOUND;
            case KeyRejectedException k -> KEY_REJECTED;
            case ConflictException c -> CONFLICT;
            case StoreException s -> switch (s.reason()) {
                case IN_USE -> STORE_IN_USE;
                case ALREADY_EXISTS -> CONFLICT;
                case MISSING, NEWER_VERSION, UNREADABLE, CHANGED_OUTSIDE, UNREACHABLE -> STORE_UNUSABLE;
            };
            default -> INTERNAL_ERROR;
        };
    }
}
