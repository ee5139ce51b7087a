package com.keydesk.bench;

import com.keydesk.crypto.Argon2Params;
import com.keydesk.crypto.Argon2idHasher;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.NewKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Creating a key through the service (rights check, Argon2id hash with the shipped parameters,
 * insert, audit entry, commit to disk) against its reference, one bare Argon2id hash with the same
 * parameters: the ratio says how much the rest of creation adds.
 */
@State(Scope.Benchmark)
public class CreateBench {
    private static final char[] SECRET = "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9f".toCharArray();

    private final Argon2idHasher hasher = new Argon2idHasher(Argon2Params.SHIPPED);

    /** Only the create benchmark opens a store. */
    @State(Scope.Benchmark)
    public static class Store {
        BenchStores.Opened opened;
        int created;

        @Setup(Level.Trial)
        public void open() {
            // a new store each time, so every run creates into the same small store
            opened = BenchStores.createFresh(BenchStores.dir().resolve("create"));
        }

        @TearDown(Level.Trial)
        public void close() {
            opened.close();
        }
    }

    @Benchmark
    public IssuedKey create(Store store) {
        return store.opened.services().keys().create(store.opened.admin(),
                NewKey.site("Bench create " + ++store.created, null, null));
    }

    @Benchmark
    public String argon2idHash() {
        return hasher.hash(SECRET.clone());   // hash() wipes what it is given
    }
}
