package com.keydesk.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A team store's password, from where PostgreSQL's own tools look: {@code KEYDESK_STORE_PASSWORD},
 * else {@code PGPASSWORD}, else the password file ({@code PGPASSFILE}, else {@code ~/.pgpass}, on
 * Windows {@code %APPDATA%\postgresql\pgpass.conf}). As libpq does, a password file others can read
 * is ignored. None at all is fine: the server may trust the connection or use a certificate.
 */
public final class PgPassword {
    /** A password file is a few lines; a huge one is not read. */
    private static final long MAX_FILE_BYTES = 1 << 20;

    private PgPassword() {
    }

    /** The password for this address, or null when none is configured. */
    public static char[] find(PgAddress address, Map<String, String> env, String osName, String userHome) {
        for (String name : new String[] {"KEYDESK_STORE_PASSWORD", "PGPASSWORD"}) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                return value.toCharArray();
            }
        }
        Path file = passwordFile(env, osName, userHome);
        return file == null ? null : fromFile(file, address);
    }

    static Path passwordFile(Map<String, String> env, String osName, String userHome) {
        String named = env.get("PGPASSFILE");
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        if (osName.toLowerCase(java.util.Locale.ROOT).contains("win")) {
            String appData = env.get("APPDATA");
            return appData == null ? null : Path.of(appData, "postgresql", "pgpass.conf");
        }
        return userHome == null ? null : Path.of(userHome, ".pgpass");
    }

    /** The first line matching host, port, database and user ({@code *} matches anything), as libpq reads it. */
    static char[] fromFile(Path file, PgAddress address) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES || readableByOthers(file)) {
                return null;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> fields = fields(line);
                if (fields.size() == 5 && matches(fields.get(0), address.host())
                        && matches(fields.get(1), Integer.toString(address.port()))
                        && matches(fields.get(2), address.database()) && matches(fields.get(3), address.user())) {
                    return fields.get(4).toCharArray();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // an unreadable password file is no password, as with libpq; the server says what is missing
        }
        return null;
    }

    private static boolean readableByOthers(Path file) throws IOException {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            return mode.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
        } catch (UnsupportedOperationException windows) {
            return false; // libpq does not check on Windows either: %APPDATA% is the user's own
        }
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    /** Splits on ':' with '\' escaping ':' and '\' inside a field. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
