package com.keydesk.service;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.store.Database;
import com.keydesk.testing.TestEngine;
import com.keydesk.testing.TestStore;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a create sends to the store besides its commit (issue 16: a create costs one hash and
 * little else). On a team store every statement is a round trip: the actor, the site, the key
 * inserted and read back with the audit head locked, the entry appended with the head moved and the
 * NOTIFY; four, where it was thirteen (each of the actor, the site and the new key read a second and
 * third time for the tamper evidence of issue 11, the head locked apart, the append in three). A local store cannot insert
 * and read back in one statement, nor append and move the head in one: seven, where it was twelve.
 * The key and its audit entry come out exactly as before ({@link RowBindingTest}, {@link AuditLogTest}).
 */
class CreateStatementsTest {
    @TempDir
    Path temp;

    @Test
    void aSiteKeyIsFourStatementsOnATeamStoreAndSevenOnALocalOne() throws Exception {
        try (TestStore store = TestStore.in(temp)) {
            List<String> sent = countingStatements(store.db);
            IssuedKey issued = store.siteKey("counted");
            assertThat(sent).as("statements of one create: %s", sent).hasSize(TestEngine.postgresql() ? 4 : 7);
            assertMatchesItsEntry(store, issued);
        }
    }

    @Test
    void aUserKeyReadsItsOwnerInOneMoreStatement() throws Exception {
        try (TestStore store = TestStore.in(temp)) {
            store.addUser("bob");
            List<String> sent = countingStatements(store.db);
            IssuedKey issued = store.services.keys().create(store.admin,
                    NewKey.forUser("bob", "bob's", "a note", PermissionSet.DESKTOP_APP, null));
            assertThat(sent).as("statements of one create: %s", sent).hasSize(TestEngine.postgresql() ? 5 : 8);
            assertThat(issued.key().ownerUsername()).isEqualTo("bob");
            assertMatchesItsEntry(store, issued);
        }
    }

    /** The key as read again, its row bound by the entry the create wrote, and the whole chain intact. */
    private static void assertMatchesItsEntry(TestStore store, IssuedKey issued) {
        ApiKey again = store.services.keys().list(store.admin).stream()
                .filter(k -> k.id() == issued.key().id()).findFirst().orElseThrow();
        assertThat(issued.key()).isEqualTo(again);
        assertThat(store.services.audit().verify(store.admin).intact()).isTrue();
        assertThat(store.services.verifier().verify(issued.secret().reveal()).id()).isEqualTo(issued.key().id());
    }

    /**
     * From now on, the SQL of every statement (its start) the store's connections prepare or create, in order
     * (on PostgreSQL each is sent and answered before the next: a round trip).
     */
    private static List<String> countingStatements(Database db) throws ReflectiveOperationException {
        Field field = Database.class.getDeclaredField("dsl");
        field.setAccessible(true);
        DSLContext dsl = (DSLContext) field.get(db);
        ConnectionProvider pool = dsl.configuration().connectionProvider();
        List<String> sent = new ArrayList<>();
        dsl.configuration().set(new ConnectionProvider() {
            @Override
            public Connection acquire() throws DataAccessException {
                Connection connection = pool.acquire();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                        (proxy, method, args) -> {
                            if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                                String sql = args == null ? method.getName() : String.valueOf(args[0]);
                                sent.add(sql.substring(0, Math.min(sql.length(), 60)));
                            }
                            if (method.getName().equals("unwrap") && args[0] == Connection.class) {
                                return connection;
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }

            @Override
            public void release(Connection connection) throws DataAccessException {
                try {
                    pool.release(connection.unwrap(Connection.class));
                } catch (java.sql.SQLException e) {
                    throw new DataAccessException("cannot unwrap", e);
                }
            }
        });
        return sent;
    }
}
