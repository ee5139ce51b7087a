package com.keydesk.store;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.StringDataType;
import org.h2.mvstore.WriteBuffer;
import org.h2.result.SearchRow;
import org.h2.value.ValueBoolean;
import org.h2.value.ValueVarchar;
import org.h2.value.VersionedValue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What H2 would execute when opening a store file, read the way H2's Recover tool reads it: the
 * MVStore opened read-only (a shared lock, nothing written), H2's SQL engine never started. H2 keeps
 * every object of a database as the SQL statement that recreates it, in the meta table (map
 * "table.0"), and runs those statements when it opens the file: a trigger's or an alias's Java
 * source is compiled and run there, before any SQL of KeyDesk's. Only the meta table, the type
 * registry and Flyway's few history rows are read, never a key or user row.
 *
 * @param statements the meta table's statements in H2's order (by object id)
 * @param unfinished the committed version of a statement whose change a killed process left unfinished: H2
 *                   may run it instead, so it must be as harmless as the rest
 * @param history the versions Flyway recorded as applied successfully; null when the store has no history table
 */
record StoredSchema(List<String> statements, List<String> unfinished, List<String> history) {
    private static final String META = "table.0";
    private static final String TYPES = "_";
    private static final String PREPARED = "openTransactions";
    private static final String HISTORY_TABLE = "CREATE CACHED TABLE \"PUBLIC\".\"flyway_schema_history\"(";
    /** A KeyDesk store holds about 40 objects; far more is not one of ours, and is not worth reading. */
    static final int MOST_OBJECTS = 400;
    private static final int MOST_HISTORY_ROWS = 1_000;

    /** Something in the file that H2 would load or run and KeyDesk never puts there. */
    static final class Foreign extends RuntimeException {
        Foreign(String what) {
            super(what, null, false, false);
        }
    }

    /** The file is an H2 store but not laid out as H2 lays out a database; H2 would not open it either. */
    static final class Malformed extends RuntimeException {
        Malformed(String what) {
            super(what, null, false, false);
        }
    }

    /**
     * Reads the file. Throws {@link Foreign} for something that would run, {@link Malformed} for a
     * store that is not a database, and H2's MVStoreException for a locked, damaged or non-H2 file.
     */
    static StoredSchema read(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            MVMap<String, DataType<?>> types = store.openMap(TYPES,
                    new MVMap.Builder<String, DataType<?>>().keyType(StringDataType.INSTANCE).valueType(new StorageTypes()));
            checkEveryType(types);
            refusePreparedTransactions(store);
            List<String> statements = new ArrayList<>();
            List<String> unfinished = new ArrayList<>();
            Integer historyTable = null;
            for (Row row : rows(store, types, META, MOST_OBJECTS, "database objects")) {
                String latest = statement(row.versions().getFirst());
                statements.add(latest);
                if (latest.startsWith(HISTORY_TABLE)) {
                    historyTable = row.versions().getFirst().getValue(0).getInt();
                }
                for (SearchRow other : row.versions().subList(1, row.versions().size())) {
                    unfinished.add(statement(other));
                }
            }
            return new StoredSchema(List.copyOf(statements), List.copyOf(unfinished),
                    historyTable == null ? null : history(store, types, "table." + historyTable));
        } finally {
            store.closeImmediately();
        }
    }

    private static String statement(SearchRow row) {
        if (row.getColumnCount() != 4 || !(row.getValue(3) instanceof ValueVarchar sql)) {
            throw new Malformed("the meta table holds a row that is not a statement");
        }
        return sql.getString();
    }

    /** Every registry entry is read (and so checked) now, not only those of the maps read below: H2 reads them all. */
    private static void checkEveryType(MVMap<String, DataType<?>> types) {
        int count = 0;
        for (Cursor<String, DataType<?>> c = types.cursor(null); c.hasNext(); c.next()) {
            if (++count > MOST_OBJECTS * 4) {
                throw new Malformed("more storage types than a database of this size has");
            }
        }
    }

    /**
     * A transaction left prepared (two-phase commit, which KeyDesk never uses) is kept in a map that
     * H2 reads with Java deserialisation when it opens the store. This map must be empty.
     */
    private static void refusePreparedTransactions(MVStore store) {
        if (!store.hasMap(PREPARED)) {
            return;
        }
        MVMap<Object, Object> prepared = store.openMap(PREPARED,
                new MVMap.Builder<>().keyType(Unreadable.INSTANCE).valueType(Unreadable.INSTANCE));
        boolean empty;
        try {
            empty = prepared.isEmpty();
        } catch (RuntimeException e) {
            empty = false;
        }
        if (!empty) {
            throw new Foreign("a prepared transaction");
        }
    }

    /** One row of a table: its latest version first, then the committed one when a change was left unfinished. */
    private record Row(List<SearchRow> versions) {
    }

    private static List<Row> rows(MVStore store, MVMap<String, DataType<?>> types, String name, int most, String what) {
        MVMap<Object, Object> map = table(store, types, name);
        List<Row> rows = new ArrayList<>();
        for (Cursor<Object, Object> c = map.cursor(null); c.hasNext(); ) {
            c.next();
            if (rows.size() == most) {
                throw new Foreign("more than " + most + " " + what);
            }
            if (!(c.getValue() instanceof VersionedValue<?> value)) {
                throw new Malformed("a table row H2 did not write");
            }
            List<SearchRow> versions = new ArrayList<>(2);
            addRow(versions, value.getCurrentValue());
            if (value.getOperationId() != 0 && value.getCommittedValue() != value.getCurrentValue()) {
                addRow(versions, value.getCommittedValue());
            }
            if (!versions.isEmpty()) {
                rows.add(new Row(versions));
            }
        }
        return rows;
    }

    private static void addRow(List<SearchRow> versions, Object value) {
        if (value == null) {
            return;
        }
        if (!(value instanceof SearchRow row)) {
            throw new Malformed("a table row H2 did not write");
        }
        versions.add(row);
    }

    /** The versions Flyway recorded as successfully applied (columns version, type and success of its table). */
    private static List<String> history(MVStore store, MVMap<String, DataType<?>> types, String name) {
        List<String> versions = new ArrayList<>();
        for (Row row : rows(store, types, name, MOST_HISTORY_ROWS, "rows of Flyway history")) {
            SearchRow latest = row.versions().getFirst();
            if (latest.getColumnCount() != 10) {
                throw new Malformed("Flyway's history table has other columns than Flyway makes");
            }
            // the marker row (no version) and failed scripts are left to Flyway, which refuses the latter
            if (latest.getValue(1) instanceof ValueVarchar version
                    && latest.getValue(9) instanceof ValueBoolean success && success.getBoolean()) {
                versions.add(version.getString());
            }
        }
        return List.copyOf(versions);
    }

    /** Opens a table's map with the key and value types H2 registered for it (already checked). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MVMap<Object, Object> table(MVStore store, MVMap<String, DataType<?>> types, String name) {
        String id = store.getMetaMap().get("name." + name);
        String description = id == null ? null : store.getMetaMap().get("map." + id);
        if (description == null) {
            throw new Malformed("the map " + name + " is missing");
        }
        Map<String, String> fields = DataUtils.parseMap(description);
        DataType keyType = fields.get("key") == null ? null : types.get(fields.get("key"));
        DataType valueType = fields.get("val") == null ? null : types.get(fields.get("val"));
        if (keyType == null || valueType == null) {
            throw new Malformed("the map " + name + " has no registered types");
        }
        return store.openMap(name, new MVMap.Builder<Object, Object>().keyType(keyType).valueType(valueType));
    }

    /** For a map that must be empty: any entry in it fails to read rather than being deserialised. */
    private static final class Unreadable extends BasicDataType<Object> {
        static final Unreadable INSTANCE = new Unreadable();

        @Override
        public Object read(ByteBuffer buff) {
            throw new Foreign("a prepared transaction");
        }

        @Override
        public void write(WriteBuffer buff, Object obj) {
            throw new UnsupportedOperationException("the store is read here, never written");
        }

        @Override
        public int getMemory(Object obj) {
            return 0;
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }
}
