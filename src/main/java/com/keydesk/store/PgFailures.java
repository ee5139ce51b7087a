package com.keydesk.store;

import com.keydesk.domain.KeyDeskException;
import com.keydesk.domain.StoreException;
import com.keydesk.domain.StoreException.Reason;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * A PostgreSQL failure turned into the one sentence a person can act on. The server's own text is
 * quoted only cut short and printable; no password is ever in it (the driver never puts it there).
 */
final class PgFailures {
    private PgFailures() {
    }

    /** SERIALIZABLE conflicts and deadlocks: the transaction changed nothing and may simply run again. */
    static boolean mustRetry(Throwable failure) {
        String state = sqlState(failure);
        return "40001".equals(state) || "40P01".equals(state);
    }

    static RuntimeException translate(Throwable failure, TeamStore store) {
        if (failure instanceof KeyDeskException k) {
            return k;
        }
        String where = TeamDatabase.where(store);
        PgAddress a = store.address();
        String server = a.host() + ":" + a.port();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return unreachable("The team store's host " + a.host() + " is unknown.", failure);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return unreachable("Nothing answers at " + server + ": is PostgreSQL running there and reachable"
                        + " from this machine?", failure);
            }
            if (t instanceof SocketTimeoutException) {
                return unreachable("The team store at " + server + " did not answer in time.", failure);
            }
            if (t instanceof SSLException) {
                return unreachable("TLS with the team store at " + server + " failed (sslmode=" + a.sslMode()
                        + "): " + shortText(t.getMessage()) + ".", failure);
            }
            if (t instanceof SQLTransientConnectionException) {
                return unreachable("The team store at " + server + " could not be reached in time.", failure);
            }
        }
        String state = sqlState(failure);
        String message = serverText(failure);
        if (state == null) {
            return new StoreException(Reason.UNREADABLE, "The team store " + where + " could not be used: " + message + ".", failure);
        }
        if (message.contains("Connection attempt timed out")) {
            return unreachable("The team store at " + server + " did not finish letting KeyDesk in within "
                    + a.loginTimeoutSeconds() + " s: the server or this machine is overloaded, or a network device"
                    + " holds the connection.", failure);
        }
        if (message.contains("does not support SSL")) {
            return unreachable("The server at " + server + " does not offer TLS, and sslmode=" + a.sslMode()
                    + " requires it.", failure);
        }
        return switch (state) {
            case "28P01" -> new StoreException(Reason.UNREACHABLE, "The team store refused the password for user "
                    + a.user() + " (set KEYDESK_STORE_PASSWORD or PGPASSWORD, or use ~/.pgpass).", failure);
            case "28000" -> new StoreException(Reason.UNREACHABLE, "The team store refused user " + a.user() + ": "
                    + message + ".", failure);
            // not MISSING: that reason means "no KeyDesk store here yet, init can make one", and init cannot
            // make a database on the server
            case "3D000" -> new StoreException(Reason.UNREADABLE, "There is no database " + a.database() + " on "
                    + server + ".", failure);
            case "42501" -> new StoreException(Reason.UNREADABLE, "The team store's user " + a.user()
                    + " lacks a permission KeyDesk needs: " + message + ".", failure);
            case "40001", "40P01" -> new StoreException(Reason.IN_USE, "The team store " + where + " is busy with other"
                    + " changes; nothing was changed, try again.", failure);
            case "53300" -> unreachable("The team store at " + server + " has no free connections.", failure);
            case "53100" -> new StoreException(Reason.UNREADABLE, "The team store's disk is full. Nothing was changed.", failure);
            default -> state.startsWith("08") || state.startsWith("57P")
                    ? unreachable("The connection to the team store at " + server + " was lost (" + message + ").", failure)
                    : new StoreException(Reason.UNREADABLE, "The team store " + where + " could not be used: " + message + ".", failure);
        };
    }

    private static StoreException unreachable(String sentence, Throwable cause) {
        return new StoreException(Reason.UNREACHABLE, sentence, cause);
    }

    static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String serverText(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null) {
                return shortText(sql.getMessage());
            }
        }
        return shortText(failure.getMessage());
    }

    private static String shortText(String text) {
        if (text == null) {
            return "no reason given";
        }
        String line = text.lines().findFirst().orElse("").replaceAll("[^\\P{Cntrl}]", "?").strip();
        if (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1);
        }
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
