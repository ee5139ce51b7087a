package com.keydesk.serve;

import com.keydesk.domain.AuthenticationException;
import com.keydesk.domain.ConflictException;
import com.keydesk.domain.KeyRejectedException;
import com.keydesk.domain.NotFoundException;
import com.keydesk.domain.PermissionDeniedException;
import com.keydesk.domain.TooManyFailedKeysException;
import com.keydesk.domain.ValidationException;

/** What each failure of the services answers over HTTP (docs/api.md, "Errors"). */
final class ErrorMapping {
    private ErrorMapping() {
    }

    static ApiError of(RuntimeException e) {
        return switch (e) {
            case ApiError api -> api;
            case TooManyFailedKeysException t -> ApiError.rateLimited(t.retryAfterSeconds());
            case KeyRejectedException k when k.disabled() ->
                    new ApiError(403, "not-authorized/api-key-is-disabled", k.getMessage());
            case KeyRejectedException k -> invalidCredentials(k.getMessage());
            case AuthenticationException a -> invalidCredentials(a.getMessage());
            case PermissionDeniedException p -> switch (p.rule()) {
                case NOT_YOURS -> new ApiError(404, "not-found/api-key-not-found", p.getMessage());
                case OTHER_USER -> new ApiError(403, "not-authorized/cant-act-for-other-user", p.getMessage());
                case NEEDS_FULL_KEY -> new ApiError(403, "not-authorized/full-permission-required", p.getMessage());
                case NEEDS_ADMIN -> new ApiError(403, "not-authorized/site-admin-required", p.getMessage());
            };
            case NotFoundException n -> n.thing() == NotFoundException.Thing.USER
                    ? new ApiError(404, "not-found/user-not-found", n.getMessage())
                    : new ApiError(404, "not-found/api-key-not-found", n.getMessage());
            case ValidationException v -> new ApiError(422, "processing-failure/model-save-error", v.getMessage());
            case ConflictException c -> new ApiError(422, "processing-failure/model-save-error", c.getMessage());
            // the store's or the program's own trouble: the sentence stays in the server's log, never in the answer
            default -> new ApiError(500, "internal-server-error", "The server could not complete the request.");
        };
    }

    private static ApiError invalidCredentials(String message) {
        return new ApiError(401, "not-authenticated/invalid-credentials", message);
    }
}
