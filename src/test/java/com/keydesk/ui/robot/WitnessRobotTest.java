package com.keydesk.ui.robot;

import com.keydesk.service.Witness;
import com.keydesk.service.WitnessLocation;
import com.keydesk.store.Database;
import com.keydesk.testing.TestStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;

/** A store rolled back behind the app's back: the app says so, loudly, before anyone signs in. */
class WitnessRobotTest extends AppRobotTest {
    @Override
    protected boolean createStore() {
        try {
            Path older = folder.resolveSibling("older.mv.db");
            try (TestStore store = TestStore.in(folder.getParent())) {
                store.siteKey("first");
            }
            Files.copy(Database.dataFile(folder), older);
            try (TestStore store = TestStore.reopen(folder.getParent())) {
                store.siteKey("revoked later");
                Witness.over(store.db, store.clock, WitnessLocation.resolveForThisMachine(), folder.toString()).remember();
            }
            Files.copy(older, Database.dataFile(folder), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return false;
    }

    @Test
    void aStoreRolledBackToAnOlderCopyIsAnnouncedWhenTheAppOpensIt() {
        assertThat(dialogPane().getHeaderText()).isEqualTo("This store's history was changed outside KeyDesk");
        assertThat(dialogPane().getContentText()).contains("rolled back");
    }
}
