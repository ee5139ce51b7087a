package com.keydesk.service;

import com.keydesk.crypto.Argon2Params;
import com.keydesk.crypto.GeneratedKey;
import com.keydesk.crypto.KeyFormat;
import com.keydesk.domain.ApiKey;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.store.AuditRepository;
import com.keydesk.store.Database;
import com.keydesk.store.KeyRepository;
import com.keydesk.store.PgAddress;
import com.keydesk.store.SiteRepository;
import com.keydesk.store.StoreAddress;
import com.keydesk.store.TeamStore;
import com.keydesk.store.Times;
import com.keydesk.store.UserRepository;
import com.keydesk.testing.PgCluster;
import org.jooq.DSLContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a create's time beyond the hash goes: the profile kept in docs/PERFORMANCE.md ("Where a
 * create's time goes"). With a cheap hash, first {@value #CREATES} creates through the service as
 * they are (after {@value #WARM_UP} to warm the JIT), the median; then the same create taken apart
 * step by step, the steps of {@code KeyService.create} for a site key made by an administrator, each
 * timed, the median of each step over {@value #CREATES} creates. "begin" is from asking for the
 * transaction to the first statement; "commit" from the last statement to the call's return.
 * <p>
 * Usage: {@code CreatePhases local FOLDER} or {@code CreatePhases team} (a throwaway PostgreSQL
 * cluster with durable settings, as the bench's). The steps replicate the create path as it was
 * measured (session 9, before its cut); the first line, the real create, measures what it is now.
 */
public final class CreatePhases {
    private static final int WARM_UP = 3_000;
    private static final int CREATES = 2_000;
    private static final Argon2Params CHEAP = new Argon2Params(8, 1, 1);

    public static void main(String[] args) throws Exception {
        Database db;
        PgCluster cluster = null;
        if (args[0].equals("team")) {
            System.setProperty(PgCluster.DURABLE, "true");
            cluster = PgCluster.get();
            db = Database.create(new TeamStore(PgAddress.parse(cluster.newDatabase(), "postgres"), null));
        } else {
            Path folder = Path.of(args[1]);
            if (Files.exists(folder)) {
                try (var paths = Files.walk(folder)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            db = Database.create(new StoreAddress.Local(folder));
        }
        try {
            Services services = Services.over(db, CHEAP, Clock.systemUTC(), new SecureRandom());
            Session admin = services.setup().initialise("Profile site", "admin", "profile admin password".toCharArray());
            for (int i = 0; i < WARM_UP; i++) {
                services.keys().create(admin, NewKey.site("Warm-up " + i, null, null));
            }
            List<Double> whole = new ArrayList<>();
            for (int i = 0; i < CREATES; i++) {
                long start = System.nanoTime();
                services.keys().create(admin, NewKey.site("Whole " + i, null, null));
                whole.add((System.nanoTime() - start) / 1e6);
            }
            System.out.printf(Locale.ROOT, "%s: create with a cheap hash, median of %d: %.3f ms (p10 %.3f, p90 %.3f)%n",
                    args[0], CREATES, pct(whole, 50), pct(whole, 10), pct(whole, 90));
            if (!Boolean.parseBoolean(System.getProperty("phases", "true"))) {
                return;   // -Dphases=false: the whole create only (to compare builds, run each in turn)
            }
            Steps steps = new Steps(db, new AuditLog(db, Clock.systemUTC()), new KeyFormat(new SecureRandom()),
                    new com.keydesk.crypto.Argon2idHasher(CHEAP));
            for (int i = 0; i < WARM_UP; i++) {
                steps.create(admin, "Steps warm-up " + i);
            }
            steps.times.clear();
            for (int i = 0; i < CREATES; i++) {
                steps.create(admin, "Steps " + i);
            }
            double sum = 0;
            System.out.println("step | median ms | p90 ms");
            for (var e : steps.times.entrySet()) {
                double m = pct(e.getValue(), 50);
                sum += e.getKey().equals("total") ? 0 : m;
                System.out.printf(Locale.ROOT, "%s | %.3f | %.3f%n", e.getKey(), m, pct(e.getValue(), 90));
            }
            System.out.printf(Locale.ROOT, "sum of the steps' medians | %.3f%n", sum);
        } finally {
            db.close();
            if (cluster != null) {
                cluster.stop();
            }
        }
    }

    private static double pct(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }

    /** KeyService.create for a site key, as of session 8, with a clock between its steps. */
    private static final class Steps {
        final Map<String, List<Double>> times = new LinkedHashMap<>();
        private final Database db;
        private final AuditLog audit;
        private final KeyFormat format;
        private final com.keydesk.crypto.Argon2idHasher hasher;
        private long last;

        Steps(Database db, AuditLog audit, KeyFormat format, com.keydesk.crypto.Argon2idHasher hasher) {
            this.db = db;
            this.audit = audit;
            this.format = format;
            this.hasher = hasher;
        }

        private void mark(String step) {
            long now = System.nanoTime();
            times.computeIfAbsent(step, s -> new ArrayList<>()).add((now - last) / 1e6);
            last = now;
        }

        void create(Session session, String name) {
            long start = System.nanoTime();
            last = start;
            GeneratedKey generated = format.generate(KeyType.SITE);
            String hash = hasher.hash(generated.secretPart().toCharArray());
            mark("generate the key, cheap hash (outside)");
            db.inTransaction(cfg -> {
                DSLContext tx = cfg.dsl();
                mark("begin (connection, transaction)");
                var user = new UserRepository(tx).findById(session.userId()).orElseThrow();
                mark("actor: user row");
                RowBinding.requireUser(tx, user.id());
                mark("actor: its state + chain digest (2 reads)");
                new SiteRepository(tx).find().orElseThrow();
                mark("site row");
                RowBinding.requireSite(tx);
                mark("site: its state + chain digest (2 reads)");
                var now = Times.storable(Clock.systemUTC().instant());
                long id = new KeyRepository(tx).insert(new KeyRepository.NewRow(generated.lookupId(), hash,
                        Validation.keyName(name), null, null, PermissionSet.FULL, generated.label(), now, user.id(), null));
                mark("insert key");
                ApiKey key = new KeyRepository(tx).findById(id).orElseThrow();
                mark("read the key back");
                String digest = RowBinding.ofKey(tx, id);
                mark("the key's state (read) + digest");
                AuditRepository repo = new AuditRepository(tx);
                AuditRepository.Head head = repo.lockHead().orElseThrow();
                mark("audit: lock the head");
                var entry = new com.keydesk.domain.AuditEntry(head.lastSeq() + 1, now, user.username(),
                        "api_key.created", "api_key:" + id, "ok", "name=\"" + key.name() + "\"", digest, head.lastHash(), null);
                String entryHash = AuditChain.hashOf(entry);
                mark("audit: chain hash");
                repo.insert(new com.keydesk.domain.AuditEntry(entry.seq(), now, entry.actor(), entry.action(),
                        entry.target(), entry.outcome(), entry.detail(), digest, head.lastHash(), entryHash));
                mark("audit: insert entry");
                repo.writeHead(new AuditRepository.Head(entry.seq(), entryHash));
                mark("audit: (notify +) move the head");
                return null;
            });
            mark("commit");
            times.computeIfAbsent("total", s -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
        }
    }
}
