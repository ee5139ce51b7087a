package com.keydesk.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Sends bytes as they are, no client library tidying them up, and reads one answer. */
final class RawHttp {
    private RawHttp() {
    }

    record Answer(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    static Answer send(int port, byte[] request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            try {
                s.getOutputStream().write(request);
                s.getOutputStream().flush();
            } catch (IOException e) {
                // the server may answer and close before a huge request is fully sent: read what it said
            }
            return read(s.getInputStream());
        }
    }

    static Answer send(int port, String request) throws IOException {
        return send(port, request.getBytes(StandardCharsets.UTF_8));
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        try {
            while (state < 4) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
                state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // fall through with what arrived
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        if (headText.isEmpty()) {
            return new Answer(-1, "", "");
        }
        int status = Integer.parseInt(headText.substring(9, 12));
        Answer partial = new Answer(status, headText, "");
        String length = partial.header("Content-Length");
        byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length.toLowerCase(Locale.ROOT)));
        return new Answer(status, headText, new String(body, StandardCharsets.UTF_8));
    }
}
