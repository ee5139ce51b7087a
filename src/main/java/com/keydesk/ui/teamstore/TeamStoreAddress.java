package com.keydesk.ui.teamstore;

import java.util.Locale;

/**
 * Where a team store is, as the dialog and the list of recent stores know it: never a password.
 * The composition root turns it into the store's own address type.
 *
 * @param rootCert the CA certificate file for {@link TlsMode#checksCertificate()} modes; null: the default
 */
public record TeamStoreAddress(String host, int port, String database, String user, TlsMode tls, String rootCert) {
    public static final int DEFAULT_PORT = 5432;

    /**
     * The libpq URL a person would type for {@code --store}, without any password, written as the
     * store layer writes it in the title bar (default port and {@code sslmode=prefer} left out).
     */
    public String display() {
        String where = host.contains(":") ? "[" + host + "]" : host;
        return "postgresql://" + user + "@" + where + (port == DEFAULT_PORT ? "" : ":" + port) + "/" + database
                + (tls == TlsMode.PREFER ? "" : "?sslmode=" + tls.wireName());
    }

    /** Two entries for the same place and account are one recent store, whatever their TLS choice. */
    boolean samePlace(TeamStoreAddress other) {
        return host.toLowerCase(Locale.ROOT).equals(other.host.toLowerCase(Locale.ROOT)) && port == other.port
                && database.equals(other.database) && user.equals(other.user);
    }

    @Override
    public String toString() {
        return display();
    }
}
