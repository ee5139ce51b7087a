package com.keydesk.store;

import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.keydesk.store.generated.Tables.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** Closing the store compacts its file when, and only when, most of it is dead space. */
class DeadSpaceTest {
    @TempDir
    Path temp;

    @Test
    void aFileThatIsMostlyDeadSpaceIsCompactedWhenTheStoreCloses() throws IOException {
        Path file = Database.dataFile(temp.resolve("store"));
        long filled;
        try (TestStore store = TestStore.in(temp)) {
            store.services.demoData().fill(store.admin, 5_000, 20);
            // every key removed again: the pages the fill wrote are now dead space
            store.db.inTransaction(tx -> tx.dsl().deleteFrom(API_KEY).execute());
            filled = Files.size(file);
        }

        assertThat(filled).as("the test needs a file that is mostly dead space").isGreaterThan(2 * DeadSpace.WORTH_COMPACTING);
        assertThat(Files.size(file)).isLessThan(filled / 4);
    }

    @Test
    void aFileThatIsMostlyLiveIsLeftAsItIs() throws Exception {
        Path folder = temp.resolve("store");
        try (TestStore store = TestStore.in(temp)) {
            store.services.demoData().fill(store.admin, 5_000, 20);
        }
        try (Database db = Database.open(folder)) {   // the fill's own dead space went when it closed
            assertThat(worthCompacting(db)).isFalse();
            db.inTransaction(tx -> tx.dsl().deleteFrom(API_KEY).where(API_KEY.ID.le(1_000L)).execute());
            assertThat(worthCompacting(db)).as("a fifth of the keys removed").isFalse();
            db.inTransaction(tx -> tx.dsl().deleteFrom(API_KEY).execute());
            assertThat(worthCompacting(db)).as("every key removed").isTrue();
        }
    }

    private static boolean worthCompacting(Database db) {
        return db.inTransaction(tx -> tx.dsl().connectionResult(DeadSpace::worthCompacting));
    }
}
