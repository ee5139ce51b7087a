package com.keydesk.store;

import com.keydesk.domain.ValidationException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a team store lives, in the libpq URL form people already use:
 * {@code postgresql://user@host:5432/database?sslmode=verify-full}. Parsed strictly: it becomes a
 * JDBC URL and connection properties, and a string the driver would read settings from must not be
 * able to add any. A password is never taken from the URL (it would sit in shell history, process
 * lists and the recent-stores list); it comes from {@link PgPassword}.
 */
public record PgAddress(String host, int port, String database, String user, String sslMode, String sslRootCert,
                        int connectTimeoutSeconds) {
    public static final int DEFAULT_PORT = 5432;
    public static final String DEFAULT_SSL_MODE = "prefer";
    public static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    /** A command fails within a bounded time when the server does not answer: never a hang. */
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;
    /** The login (after the connection is made) may take this long however short connect_timeout is. */
    static final int MIN_LOGIN_TIMEOUT_SECONDS = 30;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_$.@+-]{1,63}");
    private static final Set<String> PARAMETERS = Set.of("sslmode", "sslrootcert", "connect_timeout", "user");

    public PgAddress {
        if (host == null || !HOST.matcher(host).matches()) {
            throw invalid("The team store's host is missing or not a host name or address.");
        }
        if (port < 1 || port > 65535) {
            throw invalid("The team store's port must be a number from 1 to 65535.");
        }
        if (database == null || !NAME.matcher(database).matches()) {
            throw invalid("The team store's database name is missing or has characters a database name cannot have.");
        }
        if (user == null || !NAME.matcher(user).matches()) {
            throw invalid("The team store's user name is missing or has characters a user name cannot have.");
        }
        if (!SSL_MODES.contains(sslMode)) {
            throw invalid("The TLS mode (sslmode) must be one of disable, allow, prefer, require, verify-ca or verify-full.");
        }
        if (sslRootCert != null && (sslRootCert.isBlank() || sslRootCert.chars().anyMatch(Character::isISOControl))) {
            throw invalid("The TLS root certificate (sslrootcert) must be a file name.");
        }
        if (connectTimeoutSeconds < 1 || connectTimeoutSeconds > 300) {
            throw invalid("connect_timeout must be from 1 to 300 seconds.");
        }
    }

    /** An address as the desktop app's form gives it. */
    public static PgAddress of(String host, int port, String database, String user, String sslMode) {
        return new PgAddress(host, port, database, user, sslMode, null, DEFAULT_CONNECT_TIMEOUT_SECONDS);
    }

    /** True when the text names a team store rather than a folder. */
    public static boolean looksLikeUrl(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("postgresql:") || lower.startsWith("postgres:");
    }

    /**
     * Parses {@code postgresql://[user@]host[:port]/database[?sslmode=…&sslrootcert=…&connect_timeout=…]};
     * {@code defaultUser} (PGUSER, else the operating-system account) when the URL names none.
     */
    public static PgAddress parse(String text, String defaultUser) {
        if (text == null || text.isBlank()) {
            throw invalid("The team store URL is empty.");
        }
        if (text.length() > 2048 || text.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw invalid("The team store URL may not contain spaces or control characters.");
        }
        if (!looksLikeUrl(text)) {
            throw invalid("A team store URL starts with postgresql:// (for example postgresql://db.example.com:5432/keydesk).");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid("The team store URL is not a valid URL: " + e.getReason() + ".");
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null) {
            throw invalid("The team store URL names no host: write postgresql://HOST:PORT/DATABASE.");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("The team store URL may not have a '#' part.");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw invalid("Do not put the password in the team store URL (it would show in shell history and"
                    + " process lists): set KEYDESK_STORE_PASSWORD or PGPASSWORD, or use ~/.pgpass.");
        }
        Map<String, String> query = query(uri.getRawQuery());
        String user = userInfo != null ? decode(userInfo) : query.getOrDefault("user", defaultUser);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.startsWith("/") || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw invalid("The team store URL names no database: write postgresql://HOST:PORT/DATABASE.");
        }
        int timeout = DEFAULT_CONNECT_TIMEOUT_SECONDS;
        if (query.containsKey("connect_timeout")) {
            try {
                timeout = Integer.parseInt(query.get("connect_timeout"));
            } catch (NumberFormatException e) {
                throw invalid("connect_timeout must be a whole number of seconds.");
            }
        }
        return new PgAddress(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), decode(path.substring(1)),
                user, query.getOrDefault("sslmode", DEFAULT_SSL_MODE), query.get("sslrootcert"), timeout);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!PARAMETERS.contains(name)) {
                throw invalid("The team store URL has a setting KeyDesk does not use: '" + printable(name)
                        + "' (it understands sslmode, sslrootcert, connect_timeout and user).");
            }
            if (eq < 0 || values.putIfAbsent(name, decode(pair.substring(eq + 1))) != null) {
                throw invalid("The team store URL gives '" + name + "' without a value or more than once.");
            }
        }
        return values;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("The team store URL has a broken %-escape.");
        }
    }

    private static String printable(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return cut.replaceAll("[^\\p{Graph}]", "?");
    }

    /** The URL a person recognises, never with a password: what the title bar, logs and the witness use. */
    public String display() {
        String shownHost = host;
        StringBuilder url = new StringBuilder("postgresql://").append(user).append('@').append(shownHost);
        if (port != DEFAULT_PORT) {
            url.append(':').append(port);
        }
        url.append('/').append(database);
        if (!DEFAULT_SSL_MODE.equals(sslMode)) {
            url.append("?sslmode=").append(sslMode);
        }
        return url.toString();
    }

    /** The JDBC URL: host, port and database only; every setting goes through {@link #properties}. */
    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + URLEncoder.encode(database);
    }

    /**
     * The driver's settings. Timeouts keep a command from hanging on a server that is gone: connecting
     * gives up after {@code connect_timeout}, a statement waiting on a dead socket after two minutes.
     */
    Properties properties(char[] password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", new String(password));
        }
        p.setProperty("sslmode", sslMode);
        if (sslRootCert != null) {
            p.setProperty("sslrootcert", sslRootCert);
        }
        p.setProperty("connectTimeout", Integer.toString(connectTimeoutSeconds));
        // connectTimeout bounds reaching the server; loginTimeout bounds the whole login, which in a JVM that
        // has just started includes loading the driver's classes: on a busy machine (2 cores, several JVMs
        // starting at once) that alone passed 5 s, and healthy local servers were reported as lost
        p.setProperty("loginTimeout", Integer.toString(loginTimeoutSeconds()));
        p.setProperty("socketTimeout", "120");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "KeyDesk");
        return p;
    }

    /** How long a whole login may take: see {@link #properties}. */
    int loginTimeoutSeconds() {
        return Math.max(connectTimeoutSeconds, MIN_LOGIN_TIMEOUT_SECONDS);
    }

    @Override
    public String toString() {
        return display();
    }

    private static ValidationException invalid(String sentence) {
        return new ValidationException("store", sentence);
    }

    /** Percent-encoding for the database name inside the JDBC URL. */
    private static final class URLEncoder {
        static String encode(String text) {
            return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
