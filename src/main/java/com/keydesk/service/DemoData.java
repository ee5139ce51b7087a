package com.keydesk.service;

import com.keydesk.crypto.Argon2Params;
import com.keydesk.crypto.Argon2idHasher;
import com.keydesk.crypto.GeneratedKey;
import com.keydesk.crypto.KeyFormat;
import com.keydesk.domain.ConflictException;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.ValidationException;
import com.keydesk.store.KeyRepository;
import com.keydesk.store.RowStates;
import com.keydesk.store.Times;
import com.keydesk.store.UserRepository;
import org.jooq.DSLContext;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static com.keydesk.domain.AuditEntry.OUTCOME_OK;

/**
 * Fills a store with many users and keys quickly, for benchmarks and for people evaluating the
 * app. A demo key has a real lookup id and label but its secret is never kept: all the keys of one
 * fill share one filler hash (deliberately cheap Argon2id parameters, which the hash string records)
 * of random bytes nobody kept, so no demo key can ever authenticate. It refuses a store that holds
 * any key it did not make.
 */
public final class DemoData {
    /** Cheap on purpose, and recognisable: a store with any other hash holds real keys. */
    static final Argon2Params FILLER = new Argon2Params(64, 1, 1);
    static final String FILLER_HASH_PREFIX = "$argon2id$v=19$m=64,t=1,p=1$";
    static final int MAX_KEYS = 1_000_000;
    private static final PermissionSet[] USER_SETS = {PermissionSet.FULL, PermissionSet.DESKTOP_APP,
            PermissionSet.SYNC_APP, PermissionSet.OFFICE_INTEGRATION, PermissionSet.MOBILE_APP, PermissionSet.FILES_ONLY};

    private final Guard guard;
    private final AuditLog audit;
    private final KeyFormat format;
    private final Clock clock;
    private final Argon2idHasher fillerHasher = new Argon2idHasher(FILLER);

    DemoData(Guard guard, AuditLog audit, KeyFormat format, Clock clock) {
        this.guard = guard;
        this.audit = audit;
        this.format = format;
        this.clock = clock;
    }

    public record Added(int users, int keys) {
    }

    public Added fill(Session session, int keys, int users) {
        if (keys < 0 || keys > MAX_KEYS || users < 0 || users > MAX_KEYS) {
            throw new ValidationException("count", "Give between 0 and " + MAX_KEYS + " keys and users.");
        }
        return guard.run(session, (tx, actor) -> {
            String action = "store.demo_data_added";
            Policy.requireAdmin(actor, action, "store");
            if (holdsRealKeys(tx)) {
                throw new ConflictException("This store holds real keys; demo data goes only into a store made for it"
                        + " (run 'keydesk init' on a new --data folder first).");
            }
            Instant now = Times.storable(clock.instant());
            long lastKeyBefore = new RowStates(tx).lastKeyId();
            List<Long> owners = addUsers(tx, users, now);
            addKeys(tx, actor, keys, owners, now);
            audit.append(tx, actor.username(), action, "store", OUTCOME_OK, users + " users, " + keys + " keys");
            bind(tx, actor, owners, lastKeyBefore);
            return new Added(users, keys);
        });
    }

    /** One entry per new row, as if each had been made by hand: demo keys verify like real ones. */
    private void bind(DSLContext tx, Actor actor, List<Long> newUsers, long lastKeyBefore) {
        try (AuditLog.Batch entries = audit.batch(tx)) {
            for (long id : newUsers) {
                entries.add(new AuditLog.Pending(actor.username(), "user.created", RowBinding.userTarget(id),
                        OUTCOME_OK, "demo data", RowBinding.ofUser(tx, id)));
            }
            new RowStates(tx).forEachKeyAfter(lastKeyBefore, (id, state) -> entries.add(new AuditLog.Pending(
                    actor.username(), "api_key.created", RowBinding.keyTarget(id), OUTCOME_OK, "demo data",
                    RowBinding.keyDigest(state))));
        }
    }

    private static boolean holdsRealKeys(DSLContext tx) {
        return new KeyRepository(tx).countWithHashNotStartingWith(FILLER_HASH_PREFIX) > 0;
    }

    /** A cheap hash of 24 random bytes nobody keeps: what nothing typed can ever match. */
    private String hashOfNothingKept() {
        byte[] noise = new byte[24];
        new SecureRandom().nextBytes(noise);
        return fillerHasher.hash(Base64.getEncoder().encodeToString(noise).toCharArray());
    }

    private List<Long> addUsers(DSLContext tx, int count, Instant now) {
        String hash = hashOfNothingKept();   // demo users cannot sign in
        UserRepository users = new UserRepository(tx);
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = String.format("demo%06d", i);
            if (users.findByUsername(name).isEmpty()) {
                ids.add(users.insert(name, "Demo user " + i, false, hash, now));
            }
        }
        return ids;
    }

    private void addKeys(DSLContext tx, Actor actor, int count, List<Long> owners, Instant now) {
        KeyRepository keys = new KeyRepository(tx);
        // One filler hash for every key of this fill, of a secret nobody kept: a demo key's own secret
        // is thrown away, so hashing it (once per key, a quarter of filling a store) bought nothing.
        String hash = hashOfNothingKept();
        int batch = 2_000;
        for (int start = 0; start < count; start += batch) {
            int size = Math.min(batch, count - start);
            int first = start;
            List<KeyRepository.NewRow> rows = IntStream.range(0, size).parallel()
                    .mapToObj(i -> row(first + i, owners, actor, now, hash, shapeOf(first + i)))
                    .toList();
            keys.insertAll(rows);
        }
    }

    /**
     * The same mix of kinds, sets and expiries in every fill: each key's own generator is seeded by
     * its number alone (the rows are made in parallel, so one shared generator would hand its numbers
     * out in whichever order the threads ask).
     */
    private static Random shapeOf(int n) {
        return new Random(42L ^ 0x9E3779B97F4A7C15L * (n + 1L));
    }

    private KeyRepository.NewRow row(int n, List<Long> owners, Actor actor, Instant now, String hash, Random r) {
        boolean site = owners.isEmpty() || r.nextInt(10) == 0;
        GeneratedKey generated = format.generate(site ? KeyType.SITE : KeyType.USER);
        Long owner = site ? null : owners.get(r.nextInt(owners.size()));
        PermissionSet set = site ? PermissionSet.FULL : USER_SETS[r.nextInt(USER_SETS.length)];
        int fate = r.nextInt(100);
        Instant expires = fate < 5 ? now.minus(Duration.ofDays(1 + r.nextInt(300)))
                : fate < 10 ? now.plus(Duration.ofHours(1 + r.nextInt(24 * 7)))
                : fate < 40 ? now.plus(Duration.ofDays(8 + r.nextInt(700))) : null;
        String name = (site ? "Site integration " : "Sync job ") + (n + 1);
        return new KeyRepository.NewRow(generated.lookupId(), hash, name, fate % 3 == 0 ? "Demo key " + (n + 1) : null,
                owner, fate >= 95 ? PermissionSet.NONE : set, generated.label(),
                now.minus(Duration.ofMinutes(r.nextInt(60 * 24 * 365))), actor.id(), expires);
    }
}
