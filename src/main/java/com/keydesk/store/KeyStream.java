package com.keydesk.store;

import com.keydesk.domain.ApiKey;
import com.keydesk.store.KeyRows.Person;
import org.jooq.DSLContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every key (or one owner's), newest first, handed over one at a time as the store reads them:
 * the same keys as {@link KeyRepository#list(Long)}, for front ends that write each one out and
 * keep none (the command line's list and export of 100,000 keys). Plain JDBC over the caller's
 * transaction, each row mapped by {@link KeyRows}; the hash and lookup id are never read.
 */
public final class KeyStream {
    private static final String ALL = KeyRows.SELECT + " ORDER BY id DESC";
    private static final String OF_OWNER = KeyRows.SELECT + " WHERE user_id = ? ORDER BY id DESC";

    private KeyStream() {
    }

    /** Hands each key of the owner (null: every key) to {@code each}, newest first, inside {@code tx}. */
    public static void forEach(DSLContext tx, Long ownerId, Consumer<? super ApiKey> each) {
        tx.connection(connection -> {
            try (LazyReading lazily = LazyReading.on(connection);
                 People people = new People(connection, ownerId == null);
                 PreparedStatement query = connection.prepareStatement(ownerId == null ? ALL : OF_OWNER)) {
                query.setFetchSize(1_000);   // PostgreSQL otherwise reads the whole result into memory first
                if (ownerId != null) {
                    query.setLong(1, ownerId);
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        each.accept(key(rows, people));
                    }
                }
            }
        });
    }

    /**
     * One page of a key list: at most {@code seek.limit()} keys, in the seek's order, strictly
     * after its last key, handed to {@code each} inside {@code tx}. Reads one index range per
     * query ({@link KeyPageQueries}), never the keys before the cursor. Returns how many it handed over.
     */
    public static int page(DSLContext tx, KeySeek seek, Consumer<? super ApiKey> each) {
        int[] handed = {0};
        tx.connection(connection -> {
            try (LazyReading lazily = LazyReading.on(connection);
                 People people = new People(connection, true)) {   // one query for every person: a page may name many
                for (KeyPageQueries.Query q : KeyPageQueries.of(seek)) {
                    int room = seek.limit() - handed[0];
                    if (room <= 0) {
                        break;
                    }
                    try (PreparedStatement query = connection.prepareStatement(q.sql())) {
                        query.setFetchSize(Math.min(room, 1_000));
                        int i = 1;
                        for (Object parameter : q.parameters()) {
                            query.setObject(i++, parameter);
                        }
                        query.setInt(i, room);
                        try (ResultSet rows = query.executeQuery()) {
                            while (rows.next()) {
                                each.accept(key(rows, people));
                                handed[0]++;
                            }
                        }
                    }
                }
            }
        });
        return handed[0];
    }

    /** The row's key ({@link KeyRows}), with owner and creator from {@code people}. */
    private static ApiKey key(ResultSet r, People people) throws SQLException {
        Person creator = people.get(KeyRows.creatorId(r));
        return KeyRows.key(r, people.get(KeyRows.ownerId(r)), creator == null ? null : creator.username());
    }

    /**
     * Owners and creators, each read once and then remembered (a join cost a tenth of the listing),
     * each name one shared string. Listing every key reads every user up front in one query: on a
     * team store each look-up is a round trip to the server, and 100,000 demo keys name 1,000 people.
     * One owner's keys name a few people: those are looked up when a key first names them.
     */
    private static final class People implements AutoCloseable {
        private final Map<Long, Person> byId = new HashMap<>();
        private final PreparedStatement query;

        People(Connection connection, boolean everyone) throws SQLException {
            query = connection.prepareStatement("SELECT username, is_admin, active FROM app_user WHERE id = ?");
            if (everyone) {
                try (PreparedStatement all = connection.prepareStatement("SELECT id, username, is_admin, active FROM app_user");
                     ResultSet rows = all.executeQuery()) {
                    while (rows.next()) {
                        byId.put(rows.getLong(1), new Person(rows.getString(2), rows.getBoolean(3), rows.getBoolean(4)));
                    }
                }
            }
        }

        Person get(Long id) throws SQLException {
            if (id == null) {
                return null;
            }
            if (!byId.containsKey(id)) {
                byId.put(id, read(id));
            }
            return byId.get(id);
        }

        private Person read(long id) throws SQLException {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? new Person(rows.getString(1), rows.getBoolean(2), rows.getBoolean(3)) : null;
            }
        }

        @Override
        public void close() throws SQLException {
            query.close();
        }
    }
}
