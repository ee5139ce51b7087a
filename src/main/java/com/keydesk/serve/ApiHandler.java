package com.keydesk.serve;

import com.keydesk.service.ApiAccess;
import com.keydesk.service.ApiAccess.Caller;
import com.keydesk.service.FailedKeyThrottle;
import com.keydesk.service.Services;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Every request: limits first, then the key (its address's failed-key count first: see
 * {@link ApiAccess#authenticate}), then the endpoint.
 * Blocking on purpose (the services are): Jetty runs each request on a virtual thread.
 */
final class ApiHandler extends Handler.Abstract {
    static final String BASE = "/api/rest/v1";
    static final int MAX_BODY = 64 * 1024;
    static final int MAX_URI = 4096;

    private final Services services;
    private final KeysApi api;
    private final ApiAccess access;
    private final PrintStream log;

    ApiHandler(Services services, FailedKeyThrottle.Rules failedKeys, PrintStream log) {
        super(InvocationType.BLOCKING);
        this.services = services;
        this.api = new KeysApi(services);
        this.access = failedKeys.equals(FailedKeyThrottle.Rules.STANDARD) ? services.api()
                : services.api().withFailedKeyRules(failedKeys);
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        ApiResponse answer;
        try {
            answer = answer(request);
        } catch (ApiError e) {
            answer = ApiResponse.error(e);
        } catch (RuntimeException e) {
            ApiError mapped = ErrorMapping.of(e);
            if (mapped.status == 500) {
                log.println("keydesk serve: " + request.getMethod() + " failed: " + e.getClass().getSimpleName()
                        + (e instanceof com.keydesk.domain.KeyDeskException ? ": " + e.getMessage() : ""));
            }
            answer = ApiResponse.error(mapped);
        }
        write(answer, response, callback);
        return true;
    }

    private ApiResponse answer(Request request) {
        String rawPath = request.getHttpURI().getPath();
        String rawQuery = request.getHttpURI().getQuery();
        if (rawPath.length() + (rawQuery == null ? 0 : rawQuery.length()) > MAX_URI) {
            throw new ApiError(414, "bad-request/request-params-invalid", "The URL is too long.");
        }
        String method = request.getMethod();
        if (rawPath.equals("/health")) {
            services.api().health();
            return ApiResponse.ok(KeysApi.health());
        }
        if (!rawPath.startsWith(BASE + "/")) {
            throw ApiError.notFound();
        }
        byte[] body = readBody(request);
        String client = Request.getRemoteAddr(request);
        Caller caller = authenticate(request, client);
        request.setAttribute(AccessLog.KEY_ID, caller.key().id());
        Params params = switch (method) {
            case "POST", "PATCH" -> {
                requireJson(request, body);
                yield Params.ofJson(body);
            }
            default -> Params.ofQuery(rawQuery);
        };
        return api.handle(method, rawPath.substring(BASE.length()), params, caller);
    }

    private Caller authenticate(Request request, String client) {
        String key = request.getHeaders().get("X-FilesAPI-Key");
        if (key == null || key.isBlank()) {
            throw new ApiError(401, "not-authenticated/authentication-required",
                    "Send your API key in the X-FilesAPI-Key header.");
        }
        return access.authenticate(key.strip(), client);
    }

    private static void requireJson(Request request, byte[] body) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        boolean json = type != null && type.toLowerCase(Locale.ROOT).strip().matches("application/json\\s*(;.*)?");
        if (body.length > 0 && !json) {
            throw ApiError.invalidBody("Send the parameters as a JSON object with Content-Type: application/json.");
        }
    }

    /** The whole body, refused as soon as it passes the limit (a declared length is checked before reading). */
    private static byte[] readBody(Request request) {
        long declared = request.getLength();
        if (declared > MAX_BODY) {
            throw tooLarge();
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw ApiError.invalidBody("The body could not be read.");
        }
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "bad-request/invalid-body", "The body is larger than 64 KiB.");
    }

    /**
     * A list, mapped and written one key at a time through a 64 KB buffer (chunked: its length is
     * not known before the end). The writes block this request's virtual thread, as reading does.
     */
    private static void stream(KeyJson.Listed listed, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        try (OutputStream out = new BufferedOutputStream(Content.Sink.asOutputStream(response), 64 * 1024);
             JsonGenerator json = ApiJson.generator(out)) {
            json.writeStartArray();
            listed.writeEach(json);
            json.writeEndArray();
        } catch (IOException | JacksonException e) {
            callback.failed(e);   // the client went away mid-list: nothing more to say to it
            return;
        }
        callback.succeeded();
    }

    private static void write(ApiResponse answer, Response response, Callback callback) {
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        switch (answer.body()) {
            case null -> response.write(true, null, callback);
            case KeyJson.Listed listed -> stream(listed, response, callback);
            case JsonBody body -> {
                byte[] bytes = ApiJson.bytes(body);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
                response.write(true, ByteBuffer.wrap(bytes), callback);
            }
        }
    }
}
