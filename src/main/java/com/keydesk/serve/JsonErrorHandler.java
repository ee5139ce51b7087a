package com.keydesk.serve;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * What Jetty itself answers before a request reaches {@link ApiHandler} (a request line or header
 * it cannot parse, headers too large, an ambiguous path): the same JSON error body as every other
 * error, never Jetty's HTML page or its exception text.
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        String type = switch (status) {
            case 400, 414, 431 -> "bad-request/request-params-invalid";
            case 413 -> "bad-request/invalid-body";
            case 404 -> "not-found";
            case 405 -> "bad-request/unsupported-http-method";
            default -> status >= 500 ? "internal-server-error" : "bad-request/request-params-invalid";
        };
        String sentence = switch (status) {
            case 414 -> "The URL is too long.";
            case 431 -> "The request's headers are too large.";
            case 413 -> "The body is larger than 64 KiB.";
            default -> status >= 500 ? "The server could not complete the request." : "The request is malformed.";
        };
        byte[] body = ApiJson.bytes(ApiResponse.errorBody(new ApiError(status, type, sentence)));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
