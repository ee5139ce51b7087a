package com.keydesk.serve;

/**
 * An answer other than success, as Files.com's API gives it: a status, one of Files.com's error
 * types (the SDKs pick an exception class by it) and a sentence. No stack trace: it is an answer.
 */
final class ApiError extends RuntimeException {
    final int status;
    final String type;
    /** Seconds for a Retry-After header; 0: none. */
    final long retryAfter;

    ApiError(int status, String type, String message) {
        this(status, type, message, 0);
    }

    private ApiError(int status, String type, String message, long retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.retryAfter = retryAfter;
    }

    static ApiError rateLimited(long seconds) {
        return new ApiError(429, "rate-limited/too-many-login-attempts",
                "Too many failed keys from this address. Try again in " + seconds + " seconds.", seconds);
    }

    static ApiError invalidBody(String message) {
        return new ApiError(400, "bad-request/invalid-body", message);
    }

    static ApiError invalidParams(String message) {
        return new ApiError(400, "bad-request/request-params-invalid", message);
    }

    static ApiError invalidCursor() {
        return new ApiError(400, "bad-request/invalid-cursor",
                "The cursor is not one this server gave for this list; start again without it.");
    }

    static ApiError datetime(String field) {
        return new ApiError(400, "bad-request/datetime-parse",
                "The " + field + " must be an ISO-8601 date or time, for example 2026-12-29T13:40:00Z.");
    }

    static ApiError notFound() {
        return new ApiError(404, "not-found", "There is no such endpoint. The API is under /api/rest/v1.");
    }

    static ApiError keyNotFound() {
        return new ApiError(404, "not-found/api-key-not-found", "There is no such key.");
    }
}
