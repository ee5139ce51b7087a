package com.keydesk.store;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** jOOQ's question for the isolation level is answered without the server; everything else reaches the pooled connection. */
class SerializableConnectionsTest {
    private final List<String> calls = new ArrayList<>();

    /** A pooled connection that records what it is asked; asking it for its isolation would be a round trip. */
    private Connection pooled() {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    return switch (method.getName()) {
                        case "getAutoCommit" -> true;
                        case "commit" -> throw new SQLException("could not serialize access", "40001");
                        default -> null;
                    };
                });
    }

    @Test
    void isolationIsAnsweredHereAsSerializable() throws SQLException {
        Connection connection = SerializableConnections.answeringIsolation(pooled());

        assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
        assertThat(calls).isEmpty();
    }

    @Test
    void everythingElseGoesToThePooledConnectionAndItsFailuresComeBackAsThrown() throws SQLException {
        Connection connection = SerializableConnections.answeringIsolation(pooled());

        assertThat(connection.getAutoCommit()).isTrue();
        connection.setAutoCommit(false);
        assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("40001");
        connection.close();

        assertThat(calls).containsExactly("getAutoCommit", "setAutoCommit", "commit", "close");
    }
}
