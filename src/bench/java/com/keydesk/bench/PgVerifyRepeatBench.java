package com.keydesk.bench;

import com.keydesk.domain.ApiKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link VerifyRepeatBench} on a team store: the same key verified again on a PostgreSQL store of
 * 100,000 demo keys, over the pool and SERIALIZABLE transactions the team store uses. The digest
 * cache saves the Argon2id check; the key's state is read from its row every time (one round trip
 * per statement to the server on 127.0.0.1) and the throttled last-use update is still issued.
 */
@State(Scope.Benchmark)
public class PgVerifyRepeatBench {
    /** The libpq URL of the store; PgFigures passes it. */
    @Param({""})
    public String store;

    private BenchStores.Opened opened;
    private String key;

    @Setup(Level.Trial)
    public void open() {
        opened = BenchStores.openTeam(store, 10_000);
        key = BenchStores.freshRealKeys(opened).getFirst();
        opened.services().verifier().verify(key);   // the first sight, which pays the Argon2id check
    }

    @TearDown(Level.Trial)
    public void close() {
        opened.close();
    }

    @Benchmark
    public ApiKey verifyAgain() {
        return opened.services().verifier().verify(key);
    }
}
