package com.keydesk.store;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A class on the class path that a store file names as one of its storage types. H2's reader
 * instantiates such a class by name while opening the file; this one leaves a marker when it is,
 * as any class's constructor or static initialiser could do something worse.
 */
public final class ForeignStorageType extends BasicDataType<Object> {
    static final String MARKER = "keydesk.test.foreign-type-marker";

    public ForeignStorageType() {
        String marker = System.getProperty(MARKER);
        if (marker != null) {
            try {
                Files.writeString(Path.of(marker), "ran");
            } catch (IOException ignored) {
                // the test sees the marker missing
            }
        }
    }

    @Override
    public int getMemory(Object obj) {
        return 0;
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        buff.put((byte) 0);
    }

    @Override
    public Object read(ByteBuffer buff) {
        return buff.get();
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
