package com.keydesk.ui.teamstore;

import com.keydesk.ui.FakeDialogs;
import com.keydesk.ui.SameThreadTaskRunner;
import com.keydesk.ui.teamstore.TeamStoreAccess.Found;
import com.keydesk.ui.teamstore.TeamStoreAccess.Probe;
import com.keydesk.ui.teamstore.TeamStoreDialogViewModel.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TeamStoreDialogViewModelTest {
    @TempDir
    Path dir;
    private final FakeDialogs dialogs = new FakeDialogs();
    /** What the fake store layer was asked: the address and the password it was given. */
    private final List<String> probed = new ArrayList<>();
    private Probe answer = new Probe(Found.STORE, null);

    private TeamStoreDialogViewModel dialog(Purpose purpose) {
        TeamStoreAccess access = (address, password) -> {
            probed.add(address.display() + " password=" + (password == null ? "none" : new String(password)));
            return answer;
        };
        return new TeamStoreDialogViewModel(access, recent(), new SameThreadTaskRunner(), dialogs, purpose);
    }

    private RecentStores recent() {
        return new RecentStores(dir.resolve("config").resolve("recent-team-stores.json"));
    }

    private static void fill(TeamStoreDialogViewModel vm) {
        vm.hostProperty().set(" db.example.com ");
        vm.portProperty().set("5433");
        vm.databaseProperty().set("keydesk");
        vm.userProperty().set("kd_app");
        vm.tlsProperty().set(TlsMode.REQUIRE);
    }

    @Test
    void theConnectionTestSaysInOneSentenceWhatIsWrongBesideTheFieldsAndOpensNothing() {
        TeamStoreDialogViewModel vm = dialog(Purpose.OPEN);
        fill(vm);
        vm.passwordProperty().set("s3cret pass");
        answer = new Probe(Found.PROBLEM, "The password for kd_app on db.example.com was refused.");

        vm.testConnection();

        assertThat(probed).containsExactly("postgresql://kd_app@db.example.com:5433/keydesk?sslmode=require password=s3cret pass");
        assertThat(vm.resultProperty().get()).isEqualTo("The password for kd_app on db.example.com was refused.");
        assertThat(vm.resultGoodProperty().get()).isFalse();
        assertThat(vm.chosenProperty().get()).isNull();

        vm.userProperty().set("kd_admin");
        assertThat(vm.resultProperty().get()).as("a sentence about other fields is not left standing").isEmpty();
    }

    @Test
    void aKeyDeskStoreOpensAndIsRememberedWithoutItsPassword() throws Exception {
        TeamStoreDialogViewModel vm = dialog(Purpose.OPEN);
        fill(vm);
        vm.passwordProperty().set("s3cret pass");

        vm.open();

        var choice = vm.chosenProperty().get();
        assertThat(choice.address().display()).isEqualTo("postgresql://kd_app@db.example.com:5433/keydesk?sslmode=require");
        assertThat(new String(choice.password())).isEqualTo("s3cret pass");
        assertThat(choice.create()).isFalse();
        assertThat(vm.passwordProperty().get()).as("the form forgets it").isEmpty();
        assertThat(recent().load()).containsExactly(choice.address());
        assertThat(java.nio.file.Files.readString(recent().file())).doesNotContain("s3cret");
    }

    @Test
    void noPasswordTypedMeansNoneIsPassedSoTheUsualSourcesAreAsked() {
        TeamStoreDialogViewModel vm = dialog(Purpose.OPEN);
        fill(vm);

        vm.open();

        assertThat(probed.getFirst()).endsWith("password=none");
        assertThat(vm.chosenProperty().get().password()).isNull();
    }

    @Test
    void anEmptyDatabaseIsOfferedForANewStoreAndNothingHappensWithoutYes() {
        TeamStoreDialogViewModel vm = dialog(Purpose.OPEN);
        fill(vm);
        answer = new Probe(Found.EMPTY, "The database keydesk is empty: there is no KeyDesk store in it yet.");
        dialogs.answer = false;

        vm.open();

        assertThat(dialogs.last().heading()).isEqualTo("Create a KeyDesk store here?");
        assertThat(vm.chosenProperty().get()).isNull();
        assertThat(vm.resultProperty().get()).startsWith("The database keydesk is empty");

        dialogs.answer = true;
        vm.open();
        assertThat(vm.chosenProperty().get().create()).isTrue();
    }

    @Test
    void aStoreMovesOnlyIntoAnEmptyDatabaseWithoutAskingTwice() {
        TeamStoreDialogViewModel vm = dialog(Purpose.MOVE);
        fill(vm);

        vm.open();
        assertThat(vm.chosenProperty().get()).as("a KeyDesk store is already there").isNull();
        assertThat(vm.resultProperty().get()).isEqualTo(
                "This database already holds a KeyDesk store; a store moves only into an empty database.");

        answer = new Probe(Found.EMPTY, "empty");
        vm.open();
        assertThat(vm.chosenProperty().get().create()).isTrue();
        assertThat(dialogs.asked).as("the move asks for its own confirmation").isEmpty();
    }

    @Test
    void nothingCanBeTriedWithoutHostDatabaseUserAndAPortNumber() {
        TeamStoreDialogViewModel vm = dialog(Purpose.OPEN);
        fill(vm);
        assertThat(vm.canActProperty().get()).isTrue();

        vm.portProperty().set("54x");
        assertThat(vm.canActProperty().get()).isFalse();
        assertThat(vm.portErrorProperty().get()).isEqualTo("The port is a number from 1 to 65535.");
        vm.testConnection();
        assertThat(probed).isEmpty();

        vm.portProperty().set("5432");
        vm.userProperty().set("  ");
        assertThat(vm.canActProperty().get()).isFalse();
    }

    @Test
    void aRecentStoreFillsEveryFieldButThePasswordAndTheNewestIsOfferedFirst() {
        TeamStoreAddress older = new TeamStoreAddress("old.example.com", 5432, "kd", "alice", TlsMode.VERIFY_FULL, null);
        TeamStoreAddress newer = new TeamStoreAddress("db.example.com", 6432, "keydesk", "kd_app", TlsMode.VERIFY_CA,
                "/etc/ssl/ca.pem");
        recent().remember(older);
        recent().remember(newer);
        TeamStoreDialogViewModel vm = dialog(Purpose.OPEN);
        vm.passwordProperty().set("typed");

        vm.loadRecent();

        assertThat(vm.recent()).containsExactly(newer, older);
        assertThat(vm.hostProperty().get()).isEqualTo("db.example.com");
        assertThat(vm.portProperty().get()).isEqualTo("6432");
        assertThat(vm.tlsProperty().get()).isEqualTo(TlsMode.VERIFY_CA);
        assertThat(vm.rootCertProperty().get()).isEqualTo("/etc/ssl/ca.pem");
        vm.choose(older);
        assertThat(vm.userProperty().get()).isEqualTo("alice");
        assertThat(vm.rootCertProperty().get()).isEmpty();
        assertThat(vm.passwordProperty().get()).isEqualTo("typed");
    }

    @Test
    void aRootCertificateCountsOnlyForTheModesThatCheckCertificates() {
        TeamStoreDialogViewModel vm = dialog(Purpose.OPEN);
        fill(vm);
        vm.rootCertProperty().set("/etc/ssl/ca.pem");
        assertThat(vm.address().rootCert()).isNull();
        vm.tlsProperty().set(TlsMode.VERIFY_FULL);
        assertThat(vm.address().rootCert()).isEqualTo("/etc/ssl/ca.pem");
    }
}
