package com.keydesk.serve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an endpoint answers: a status, a body (null: none, as DELETE's 204) and extra headers.
 */
record ApiResponse(int status, ApiBody body, Map<String, String> headers) {
    static ApiResponse ok(ApiBody body) {
        return new ApiResponse(200, body, Map.of());
    }

    static ApiResponse created(ApiBody body) {
        return new ApiResponse(201, body, Map.of());
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }

    static ApiResponse error(ApiError e) {
        ApiResponse response = new ApiResponse(e.status, errorBody(e), Map.of());
        return e.retryAfter > 0 ? response.withHeader("Retry-After", Long.toString(e.retryAfter)) : response;
    }

    /** The documented error body (api.md): the same for a refusal of KeysApi and one of Jetty's own. */
    static JsonBody errorBody(ApiError e) {
        return json -> {
            json.writeStartObject();
            json.writeStringProperty("error", e.getMessage());
            json.writeNumberProperty("http-code", e.status);
            json.writeStringProperty("instance", "");
            json.writeStringProperty("title", e.getMessage());
            json.writeStringProperty("type", e.type);
            json.writeEndObject();
        };
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, body, more);
    }
}
