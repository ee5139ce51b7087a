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
    private static final long MB = 1L << 20;

    @TempDir
    Path temp;

    @Test
    void aFileThatIsMostlyDeadSpaceIsCompactedWhenTheStoreCloses() throws IOException {
        Path file = Database.dataFile(temp.resolve("store"));
        long filled;
        try (TestStore store = TestStore.in(temp)) {
            store.services.demoData().fill(store.admin, 15_000, 20);
            // every key removed again: the pages the fill wrote are now dead space
            store.db.inTransaction(tx -> tx.dsl().deleteFrom(API_KEY).execute());
            filled = Files.size(file);
        }

        assertThat(filled).as("the test needs a file that is mostly dead space").isGreaterThan(2 * DeadSpace.WORTH_COMPACTING);
        assertThat(Files.size(file)).isLessThan(filled / 4);
        // H2 rewrites the file with the umask's mode: it is the owner's alone again, and H2's complaint after the
        // compacting close left no trace file
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("keydesk.mv.db");
        }
    }

    @Test
    void onlyAFileThatIsAtLeastHalfDeadSpaceIsWorthCompacting() {
        // as H2 reported a 100,000-key store after a few commands: 58 % live, left as it is
        assertThat(DeadSpace.worthCompacting(43 * MB, 70, 83)).isFalse();
        // everything deleted: all of it dead
        assertThat(DeadSpace.worthCompacting(20 * MB, 100, 0)).isTrue();
        // 48 % live: compacted
        assertThat(DeadSpace.worthCompacting(10 * MB, 60, 80)).isTrue();
        // a small store is left alone however much of it is dead: there is little to gain
        assertThat(DeadSpace.worthCompacting(3 * MB, 100, 0)).isFalse();
    }
}
