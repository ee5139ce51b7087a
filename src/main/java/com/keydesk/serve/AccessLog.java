package com.keydesk.serve;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

import java.io.PrintStream;
import java.time.Instant;

/**
 * One line per request, for every request Jetty saw (refused ones included): time, client,
 * method, path, the names of the query parameters without their values, status, milliseconds and
 * the acting key's id. Never a header value or a body: a key or a secret cannot reach the log.
 */
final class AccessLog implements RequestLog {
    /** The request attribute the handler sets once a key has authenticated. */
    static final String KEY_ID = "keydesk.keyId";
    private static final int MAX_PATH = 200;

    private final PrintStream out;

    AccessLog(PrintStream out) {
        this.out = out;
    }

    @Override
    public void log(Request request, Response response) {
        long started = Request.getTimeStamp(request);
        long millis = Math.max(0, System.currentTimeMillis() - started);
        Object keyId = request.getAttribute(KEY_ID);
        String line = Instant.ofEpochMilli(started) + " " + Request.getRemoteAddr(request) + " "
                + printable(request.getMethod(), 16) + " " + pathOf(request) + " " + response.getStatus() + " "
                + millis + "ms key=" + (keyId == null ? "-" : keyId);
        out.println(line);
    }

    private static String pathOf(Request request) {
        String path = request.getHttpURI().getPath();
        String query = request.getHttpURI().getQuery();
        StringBuilder b = new StringBuilder(printable(path == null ? "" : path, MAX_PATH));
        if (query != null && !query.isEmpty()) {
            b.append('?');
            String[] pairs = query.split("&");
            for (int i = 0; i < pairs.length && i < 20; i++) {
                int eq = pairs[i].indexOf('=');
                b.append(i == 0 ? "" : "&").append(printable(eq < 0 ? pairs[i] : pairs[i].substring(0, eq), 40)).append('=');
            }
        }
        return b.toString();
    }

    /** Only visible ASCII, cut short: a path is the client's text and must not forge log lines. */
    static String printable(String text, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && b.length() < max; i++) {
            char c = text.charAt(i);
            b.append(c > 0x20 && c < 0x7F ? c : '?');
        }
        if (text.length() > max) {
            b.append('…');
        }
        return b.toString();
    }
}
