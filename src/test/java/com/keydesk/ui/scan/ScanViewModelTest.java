package com.keydesk.ui.scan;

import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.KeyRejectedException;
import com.keydesk.domain.NewKey;
import com.keydesk.service.Session;
import com.keydesk.testing.StoreSnapshot;
import com.keydesk.ui.FakeFilePicker;
import com.keydesk.ui.UiFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scan screen without a toolkit: scan, name, revoke, replace one after the other, cancel. */
class ScanViewModelTest {
    @TempDir
    Path temp;
    private UiFixture ui;
    private final FakeFilePicker files = new FakeFilePicker();
    private Path tree;
    private IssuedKey deploy;
    private IssuedKey backup;

    @BeforeEach
    void setUp() throws IOException {
        ui = new UiFixture(temp);
        ui.store.addUser("bob");
        deploy = ui.store.siteKey("deploy");
        backup = ui.store.services.keys().create(ui.store.admin, NewKey.forUser("bob", "backup", null, null, null));
        tree = Files.createDirectories(temp.resolve("tree"));
        Files.writeString(tree.resolve(".env"), "DEPLOY=" + deploy.secret().reveal() + "\n");
        Files.writeString(tree.resolve("backup.sh"), "curl -H 'key: " + backup.secret().reveal() + "'\n# again: "
                + deploy.secret().reveal() + "\n");
    }

    @AfterEach
    void tearDown() {
        ui.close();
    }

    private ScanViewModel vm(Session who) {
        return new ScanViewModel(ui.as(who), files, ui.keyDialogs, Runnable::run);
    }

    @Test
    void scanningTheChosenFolderShowsEachFindingNamedAndMasked() {
        ScanViewModel vm = vm(ui.store.admin);
        files.folderToScan = tree;
        vm.chooseFolderAndScan();

        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.rows()).extracting(ScanRow::name).containsOnly("deploy", "backup");
        assertThat(vm.rows()).extracting(ScanRow::file).containsOnly(".env", "backup.sh");
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.status()).isEqualTo(ScanStatus.ACTIVE));
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.toString())
                .doesNotContain(deploy.secret().reveal().substring(17, 60))
                .doesNotContain(backup.secret().reveal().substring(17, 60)));
        assertThat(vm.summaryProperty().get()).contains("3 KeyDesk keys were found");
    }

    @Test
    void cancellingTheFolderChooserScansNothing() {
        ScanViewModel vm = vm(ui.store.admin);
        files.folderToScan = null;
        vm.chooseFolderAndScan();
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void aNonAdministratorSeesOnlyTheirOwnKeysNamed() {
        ScanViewModel vm = vm(ui.store.services.auth().signIn("bob", "bob password 123".toCharArray()));
        vm.scan(tree);
        assertThat(vm.rows()).extracting(ScanRow::status)
                .containsExactlyInAnyOrder(ScanStatus.UNKNOWN, ScanStatus.ACTIVE, ScanStatus.UNKNOWN);
        assertThat(vm.rows()).filteredOn(r -> r.status() == ScanStatus.UNKNOWN)
                .allSatisfy(r -> assertThat(r.keyId()).isNull());
    }

    @Test
    void revokeSelectedRevokesEachKeyOnceAuditsWhereAndMarksEveryRowOfIt() {
        ScanViewModel vm = vm(ui.store.admin);
        vm.scan(tree);
        vm.selected().setAll(vm.rows().filtered(r -> r.name().equals("deploy")));
        assertThat(vm.canRevokeProperty().get()).isTrue();

        vm.revokeSelected();

        assertThat(ui.dialogs.asked).extracting(a -> a.kind()).containsExactly("confirm");
        assertThat(vm.rows()).filteredOn(r -> r.name().equals("deploy"))
                .hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(ScanStatus.REVOKED));
        assertThatThrownBy(() -> ui.store.services.verifier().verify(deploy.secret().reveal()))
                .isInstanceOf(KeyRejectedException.class);
        assertThat(StoreSnapshot.lastAudit(ui.store).detail())
                .contains("found in " + tree.resolve(".env").toAbsolutePath().normalize());
    }

    @Test
    void declinedConfirmationRevokesNothing() {
        ScanViewModel vm = vm(ui.store.admin);
        vm.scan(tree);
        vm.selected().setAll(vm.rows());
        ui.dialogs.answer = false;
        vm.revokeSelected();
        assertThat(ui.store.services.verifier().verify(deploy.secret().reveal()).id()).isEqualTo(deploy.key().id());
    }

    @Test
    void replaceSelectedShowsTheCopyNowDialogForEachNewKeyOneAfterTheOther() {
        ScanViewModel vm = vm(ui.store.admin);
        vm.scan(tree);
        vm.selected().setAll(vm.rows());
        java.util.List<String> shown = new java.util.ArrayList<>();
        ui.keyDialogs.onCopyNow = copy -> {
            shown.add(copy.keyName());
            copy.acknowledgedProperty().set(true);
            copy.done();
        };

        vm.replaceSelected();

        assertThat(shown).containsExactlyInAnyOrder("deploy", "backup");
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.status()).isEqualTo(ScanStatus.REPLACED));
        assertThatThrownBy(() -> ui.store.services.verifier().verify(backup.secret().reveal()))
                .isInstanceOf(KeyRejectedException.class);
    }

    @Test
    void cancelStopsTheScanAndSaysSo() throws IOException {
        for (int i = 0; i < 50; i++) {
            Files.writeString(tree.resolve("f" + i + ".txt"), "nothing\n");
        }
        ScanViewModel[] holder = new ScanViewModel[1];
        // The progress callback runs during the scan: cancelling there is a person pressing Cancel mid-scan.
        ScanViewModel vm = new ScanViewModel(ui.admin(), files, ui.keyDialogs, update -> {
            holder[0].cancel();
            update.run();
        });
        holder[0] = vm;
        vm.scan(tree);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("The scan was cancelled.");
    }
}
