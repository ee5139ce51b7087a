package com.keydesk.serve;

import org.eclipse.jetty.io.Connection;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most so many open connections per client address: a slow client opening connection after
 * connection (a slow-loris) fills its own share, not the server's. Connections past the share are
 * closed as they open.
 */
final class PerAddressLimit implements Connection.Listener {
    private final int perAddress;
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    /** Read when the connection opens: a closed end point may no longer know its peer. */
    private final ConcurrentHashMap<Connection, String> addressOf = new ConcurrentHashMap<>();

    PerAddressLimit(int perAddress) {
        this.perAddress = perAddress;
    }

    @Override
    public void onOpened(Connection connection) {
        String address = address(connection);
        addressOf.put(connection, address);
        int now = open.merge(address, 1, Integer::sum);
        if (now > perAddress) {
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        String address = addressOf.remove(connection);
        if (address != null) {
            open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
    }

    private static String address(Connection connection) {
        SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(remote);
    }
}
