package com.keydesk.ui.robot;

import com.keydesk.domain.KeyRejectedException;
import com.keydesk.testing.TestStore;
import com.keydesk.ui.FakeFilePicker;
import com.keydesk.ui.scan.ScanRow;
import com.keydesk.ui.scan.ScanStatus;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The desktop flow: scan a folder, see the leaked key named, revoke it, and it no longer verifies. */
class ScanForLeakedKeysRobotTest extends AppRobotTest {
    private final FakeFilePicker files = new FakeFilePicker();
    private String leaked;
    private Path tree;

    @Override
    protected void seed(TestStore store) {
        leaked = store.siteKey("CI deploy").secret().reveal();
        try {
            tree = Files.createDirectories(folder.getParent().resolve("project"));
            Files.writeString(tree.resolve("settings.json"), "{\n  \"api_key\": \"" + leaked + "\"\n}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void scanAFolderSeeTheLeakedKeyRevokeItAndItNoLongerVerifies() {
        app.useFilePicker(files);
        files.folderToScan = tree;
        signInAsAdmin();
        clickOn("#userMenu");
        clickOn("#scanForLeakedKeysItem");
        clickOn("#scanFolderButton");

        List<ScanRow> rows = rowsOf("#scanTable");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.file()).isEqualTo("settings.json");
            assertThat(row.name()).isEqualTo("CI deploy");
            assertThat(row.status()).isEqualTo(ScanStatus.ACTIVE);
            assertThat(row.position()).isEqualTo("2:15");
            assertThat(row.masked()).isEqualTo(leaked.substring(0, 16) + "…" + leaked.substring(62));
        });
        assertThat(lookup("#scanTable .badge").queryAs(Label.class).getText()).isEqualTo("Active: leaked");

        selectRow("#scanTable", item -> item instanceof ScanRow);
        clickOn("#scanRevokeButton");
        clickDialogButton("Revoke");

        assertThat(this.<ScanRow>rowsOf("#scanTable")).singleElement()
                .satisfies(row -> assertThat(row.status()).isEqualTo(ScanStatus.REVOKED));
        assertThat(lookup("#scanTable .badge").queryAs(Label.class).getText()).isEqualTo("Revoked");
        assertThatThrownBy(() -> app.services().verifier().verify(leaked)).isInstanceOf(KeyRejectedException.class);
    }
}
