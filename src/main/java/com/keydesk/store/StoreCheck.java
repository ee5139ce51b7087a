package com.keydesk.store;

import com.keydesk.domain.StoreException;
import com.keydesk.domain.StoreException.Reason;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The check every existing store passes before H2's SQL engine opens it. H2 runs what a database
 * file holds as it opens it (a trigger's Java source compiles and runs before any statement of
 * ours; an alias, a CHECK or a DEFAULT can call Java or FILE_WRITE at the first write), so the
 * file is read first without H2's engine ({@link StoredSchema}) and must hold exactly what
 * KeyDesk's migrations make for the schema version its Flyway history records
 * ({@link SchemaShape}). A store whose history names a version above this program's was written by
 * a newer KeyDesk and is reported as such, whatever else it holds. Anything else is refused,
 * naming the first object KeyDesk does not make; nothing is run and nothing written.
 */
final class StoreCheck {
    private StoreCheck() {
    }

    static void beforeOpening(Path folder) {
        StoredSchema schema = read(folder);
        if (schema.history() == null || schema.history().isEmpty()) {
            throw Database.notAStore(folder, null);
        }
        String newest = SchemaHistory.BUNDLED.getLast().version();
        Optional<String> newer = schema.history().stream().filter(v -> isAbove(v, newest)).max(StoreCheck::compare);
        if (newer.isPresent()) {
            throw Database.newerStore("The store in " + folder, newer.get(), newest);
        }
        String applied = schema.history().stream().max(StoreCheck::compare).orElseThrow();
        List<String> expected = SchemaShape.expected(applied).orElseThrow(() -> changedOutside(folder,
                "records schema version " + Names.printable(applied) + ", which no KeyDesk made"));
        SchemaShape.difference(schema, expected).ifPresent(what -> {
            throw changedOutside(folder, what);
        });
    }

    private static StoredSchema read(Path folder) {
        try {
            return StoredSchema.read(Database.dataFile(folder));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof StoredSchema.Foreign || t instanceof StorageTypes.ForeignType) {
                    throw changedOutside(folder, "holds " + t.getMessage());
                }
                if (t instanceof MVStoreException store && store.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                    throw Database.inUse(folder, e);
                }
            }
            throw Database.notAStore(folder, e);
        }
    }

    static StoreException changedOutside(Path folder, String what) {
        return new StoreException(Reason.CHANGED_OUTSIDE, "The store in " + folder + " was changed outside KeyDesk (it "
                + what + "), so KeyDesk will not open it.");
    }

    private static boolean isAbove(String version, String newest) {
        return parts(version) != null && compare(version, newest) > 0;
    }

    /** Flyway's order on the numeric versions KeyDesk uses ("3" &lt; "3.1" &lt; "10"); anything else sorts lowest. */
    static int compare(String a, String b) {
        return Comparator.nullsFirst(StoreCheck::compareParts).compare(parts(a), parts(b));
    }

    private static int compareParts(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int c = (i < a.size() ? a.get(i) : BigInteger.ZERO).compareTo(i < b.size() ? b.get(i) : BigInteger.ZERO);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static List<BigInteger> parts(String version) {
        if (!version.matches("\\d{1,18}(\\.\\d{1,18}){0,9}")) {
            return null;
        }
        return Arrays.stream(version.split("\\.")).map(BigInteger::new).toList();
    }
}
