package com.keydesk.bench;

import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.NewKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link CreateBench}'s create on a team store: rights check, Argon2id hash with the shipped
 * parameters, insert, audit entry under the head's row lock, NOTIFY, and a SERIALIZABLE commit that
 * PostgreSQL flushes to disk. Its reference is {@link CreateBench#argon2idHash()}.
 */
@State(Scope.Benchmark)
public class PgCreateBench {
    /** The libpq URL of an empty database, a new one for every fork (PgFigures makes them). */
    @Param({""})
    public String store;

    private BenchStores.Opened opened;
    private int created;

    @Setup(Level.Trial)
    public void open() {
        opened = BenchStores.createTeam(store);
    }

    @TearDown(Level.Trial)
    public void close() {
        opened.close();
    }

    @Benchmark
    public IssuedKey create() {
        return opened.services().keys().create(opened.admin(), NewKey.site("Bench create " + ++created, null, null));
    }
}
