package com.keydesk.serve;

import com.keydesk.domain.ValidationException;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Where the server listens: HOST:PORT, or [IPv6]:PORT. Loopback by default. */
public record Listen(String host, int port) {
    public static final String DEFAULT = "127.0.0.1:8443";

    public static Listen parse(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw invalid(t);
        }
        String host = t.substring(0, colon);
        String port = t.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw invalid(t);
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535 || host.isEmpty()) {
            throw invalid(t);
        }
        return new Listen(host, Integer.parseInt(port));
    }

    /** Whether only this machine can reach the address (every address the name resolves to is loopback). */
    public boolean isLoopback() {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException e) {
            throw new ValidationException("listen", "The host \"" + com.keydesk.domain.Texts.printable(host)
                    + "\" in --listen is not known here.");
        }
    }

    public String withPort(int actualPort) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + actualPort;
    }

    @Override
    public String toString() {
        return withPort(port);
    }

    private static ValidationException invalid(String text) {
        return new ValidationException("listen", "--listen takes HOST:PORT, for example " + DEFAULT + " (got \""
                + com.keydesk.domain.Texts.printable(text) + "\").");
    }
}
