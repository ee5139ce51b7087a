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
 * <p>
 * Lines are gathered in memory and written in blocks, at most {@link #FLUSH_EVERY_MS} after they
 * were logged, at {@link #FLUSH_AT_CHARS}, and at {@link #close} (the server's stop, SIGTERM
 * included): a print and a flush of its own for every request was 5–8 % of the server's CPU for
 * find current (JFR, session 12), most of it one write to stdout each.
 */
final class AccessLog implements RequestLog, AutoCloseable {
    /** The request attribute the handler sets once a key has authenticated. */
    static final String KEY_ID = "keydesk.keyId";
    static final long FLUSH_EVERY_MS = 100;
    static final int FLUSH_AT_CHARS = 32 * 1024;
    private static final int MAX_PATH = 200;
    private static final String NEW_LINE = System.lineSeparator();

    private final PrintStream out;
    /** Lines not yet written; guarded by itself. */
    private final StringBuilder pending = new StringBuilder(FLUSH_AT_CHARS + 1024);
    /** Held while a block is taken and written, so blocks reach the stream in the order they were gathered. */
    private final Object writing = new Object();
    private final Thread flusher;
    /** The time text of the last second seen, to its seconds (Instant.toString's, without the Z). */
    private volatile Second second = new Second(Long.MIN_VALUE, "");

    private record Second(long epochSecond, String text) {
    }

    AccessLog(PrintStream out) {
        this.out = out;
        this.flusher = Thread.ofVirtual().name("keydesk-access-log").start(this::flushEvery);
    }

    @Override
    public void log(Request request, Response response) {
        long started = Request.getTimeStamp(request);
        long millis = Math.max(0, System.currentTimeMillis() - started);
        Object keyId = request.getAttribute(KEY_ID);
        StringBuilder line = new StringBuilder(128);
        time(line, started);
        line.append(' ').append(Request.getRemoteAddr(request)).append(' ').append(printable(request.getMethod(), 16))
                .append(' ').append(pathOf(request)).append(' ').append(response.getStatus()).append(' ')
                .append(millis).append("ms key=").append(keyId == null ? "-" : keyId);
        line(line);
    }

    /** Adds one line; it is written within {@link #FLUSH_EVERY_MS}, or at once if the block is full. */
    void line(CharSequence text) {
        boolean full;
        synchronized (pending) {
            pending.append(text).append(NEW_LINE);
            full = pending.length() >= FLUSH_AT_CHARS;
        }
        if (full) {
            flush();
        }
    }

    /** Writes every line gathered so far. */
    void flush() {
        synchronized (writing) {
            String block;
            synchronized (pending) {
                if (pending.isEmpty()) {
                    return;
                }
                block = pending.toString();
                pending.setLength(0);
            }
            out.print(block);
            out.flush();
        }
    }

    /** Writes what is left and stops the timer: called once the server has stopped taking requests. */
    @Override
    public void close() {
        flusher.interrupt();
        flush();
    }

    private void flushEvery() {
        try {
            while (true) {
                Thread.sleep(FLUSH_EVERY_MS);
                flush();
            }
        } catch (InterruptedException e) {
            // closed: close() writes the rest
        }
    }

    /** Exactly Instant.ofEpochMilli(epochMilli).toString(), formatted once a second instead of for every line. */
    void time(StringBuilder b, long epochMilli) {
        long epochSecond = Math.floorDiv(epochMilli, 1000);
        int milli = (int) Math.floorMod(epochMilli, 1000);
        Second s = second;
        if (s.epochSecond() != epochSecond) {
            String whole = Instant.ofEpochSecond(epochSecond).toString();
            s = new Second(epochSecond, whole.substring(0, whole.length() - 1));
            second = s;
        }
        b.append(s.text());
        if (milli != 0) {
            b.append('.').append((char) ('0' + milli / 100)).append((char) ('0' + milli / 10 % 10)).append((char) ('0' + milli % 10));
        }
        b.append('Z');
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
