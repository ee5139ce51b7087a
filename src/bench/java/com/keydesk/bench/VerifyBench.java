package com.keydesk.bench;

import com.keydesk.domain.ApiKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;

/**
 * Verifying a key this process has not seen yet, on stores of 10 to 100,000 keys: one indexed
 * read and one Argon2id check with the shipped parameters, so the time should not grow with the store.
 * The verifier's digest cache is off (capacity 0): every call pays its Argon2id check exactly as a
 * first sight would, while rotating through the store's 10 real keys.
 */
@State(Scope.Benchmark)
public class VerifyBench {
    @Param({"10", "1000", "10000", "100000"})
    public int keys;

    private BenchStores.Opened store;
    private List<String> realKeys;
    private int next;

    @Setup(Level.Trial)
    public void open() {
        BenchStores.ensureVerifyStore(keys);
        store = BenchStores.open(BenchStores.verifyStore(keys), 0);
        realKeys = BenchStores.freshRealKeys(store);
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    @Benchmark
    public ApiKey verifyUnseenKey() {
        String key = realKeys.get(next);
        next = (next + 1) % realKeys.size();
        return store.services().verifier().verify(key);
    }
}
