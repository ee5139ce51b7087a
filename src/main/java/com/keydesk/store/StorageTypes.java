package com.keydesk.store;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.MetaType;

import java.nio.ByteBuffer;

/**
 * Reads H2's registry of storage types (the MVStore map "_") so that nothing in it runs. Each entry
 * names Java classes that H2's own reader loads with Class.forName and instantiates (a static
 * initialiser and a constructor of any class on the class path: code a file chooses). This reader
 * first walks the entry's bytes and accepts only the few classes H2 itself writes there; only
 * then does it hand the same bytes to H2's reader. H2 opening the store later reads the same entries,
 * so they are checked for it too.
 */
final class StorageTypes extends BasicDataType<DataType<?>> {
    /** Types H2 writes as a bare class name (a singleton or a no-argument constructor). */
    private static final java.util.Set<String> PLAIN = java.util.Set.of(
            "org.h2.mvstore.type.LongDataType",
            "org.h2.mvstore.type.ByteArrayDataType",
            "org.h2.mvstore.db.NullValueDataType",
            "org.h2.mvstore.db.LobStorageMap$BlobReference$Type",
            "org.h2.mvstore.db.LobStorageMap$BlobMeta$Type");
    private static final String VERSIONED = "org.h2.mvstore.tx.VersionedValueType$Factory";
    private static final String ROW = "org.h2.mvstore.db.RowDataType$Factory";
    private static final String VALUE = "org.h2.mvstore.db.ValueDataType$Factory";
    private static final int LONGEST_NAME = 200;
    private static final int LONGEST_ARRAY = 4_096;
    private static final int DEEPEST = 4;

    /** A registry entry that names a class H2 does not write there. */
    static final class ForeignType extends RuntimeException {
        ForeignType(String what) {
            super(what, null, false, false);
        }
    }

    private final MetaType<Object> h2 = new MetaType<>(null, null);

    @Override
    public DataType<?> read(ByteBuffer buff) {
        int start = buff.position();
        walk(buff, 0);
        buff.position(start);
        return h2.read(buff);
    }

    /** Moves past one serialised type, refusing any class but H2's own. Mirrors the factories' read order. */
    private static void walk(ByteBuffer buff, int depth) {
        if (depth > DEEPEST) {
            throw new ForeignType("storage types nested deeper than H2 nests them");
        }
        int length = DataUtils.readVarInt(buff);
        if (length < 1 || length > LONGEST_NAME || length > buff.remaining()) {
            throw new ForeignType("a storage type whose name is not a class name");
        }
        String name = DataUtils.readString(buff, length);
        if (PLAIN.contains(name)) {
            return;
        }
        switch (name) {
            case VERSIONED -> walk(buff, depth + 1);
            case ROW -> {
                DataUtils.readVarInt(buff);    // columns
                skipIntArray(buff);            // sort types
                skipIntArray(buff);            // indexed columns
                buff.get();                    // stores keys
            }
            case VALUE -> {
                skipIntArray(buff);            // sort types
                DataUtils.readVarInt(buff);    // columns
                skipIntArray(buff);            // indexed columns
                buff.get();                    // stores keys
            }
            default -> throw new ForeignType("the storage type " + Names.printable(name) + ", which H2 does not write");
        }
    }

    private static void skipIntArray(ByteBuffer buff) {
        int length = DataUtils.readVarInt(buff) - 1;   // 0 stands for null
        if (length < -1 || length > LONGEST_ARRAY) {
            throw new ForeignType("a storage type with a malformed description");
        }
        for (int i = 0; i < length; i++) {
            DataUtils.readVarInt(buff);
        }
    }

    @Override
    public void write(WriteBuffer buff, DataType<?> obj) {
        throw new UnsupportedOperationException("the store is read here, never written");
    }

    @Override
    public int getMemory(DataType<?> obj) {
        return 64;
    }

    @Override
    public int compare(DataType<?> a, DataType<?> b) {
        throw new UnsupportedOperationException("types are looked up by name, never compared");
    }

    @Override
    public DataType<?>[] createStorage(int size) {
        return new DataType<?>[size];
    }
}
