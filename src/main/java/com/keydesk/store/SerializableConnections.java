package com.keydesk.store;

import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * jOOQ's connections to a team store. jOOQ asks every connection for its isolation level when a
 * transaction begins (to restore it after), and the PostgreSQL driver answers that with a round
 * trip to the server ({@code SHOW TRANSACTION ISOLATION LEVEL}): one in five of a repeated key
 * verification's. The pool makes every connection SERIALIZABLE and nothing in KeyDesk changes
 * it, so the answer is known here; every other call goes to the pooled connection.
 */
final class SerializableConnections implements ConnectionProvider {
    private final DataSource pool;

    SerializableConnections(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection acquire() {
        try {
            return answeringIsolation(pool.getConnection());
        } catch (SQLException e) {
            throw new DataAccessException("Could not get a connection to the team store: " + e.getMessage(), e);
        }
    }

    @Override
    public void release(Connection connection) {
        try {
            connection.close();   // back to the pool
        } catch (SQLException e) {
            throw new DataAccessException("Could not return a connection to the team store's pool: " + e.getMessage(), e);
        }
    }

    /** {@code pooled} as it is, except that it says SERIALIZABLE when asked its isolation level. */
    static Connection answeringIsolation(Connection pooled) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getTransactionIsolation") && method.getParameterCount() == 0) {
                        return Connection.TRANSACTION_SERIALIZABLE;
                    }
                    return forward(pooled, method, args);
                });
    }

    private static Object forward(Connection pooled, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(pooled, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();   // the driver's own SQLException, as if called directly
        }
    }
}
