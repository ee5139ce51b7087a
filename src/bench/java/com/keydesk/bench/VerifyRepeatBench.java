package com.keydesk.bench;

import com.keydesk.domain.ApiKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The same key verified again on the 100,000-key store, with the verifier as shipped: the digest
 * cache saves the Argon2id check, but the key's state is read from its row every time and the
 * throttled last-use update is still issued.
 */
@State(Scope.Benchmark)
public class VerifyRepeatBench {
    static final int KEYS = 100_000;

    private BenchStores.Opened store;
    private String key;

    @Setup(Level.Trial)
    public void open() {
        BenchStores.ensureVerifyStore(KEYS);
        store = BenchStores.open(BenchStores.verifyStore(KEYS), 10_000);
        key = BenchStores.freshRealKeys(store).getFirst();
        store.services().verifier().verify(key);   // the first sight, which pays the Argon2id check
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    @Benchmark
    public ApiKey verifyAgain() {
        return store.services().verifier().verify(key);
    }
}
