package com.keydesk.ui.robot;

import com.keydesk.app.Composition;
import com.keydesk.domain.NewKey;
import com.keydesk.service.Services;
import com.keydesk.service.Session;
import com.keydesk.store.Database;
import com.keydesk.store.PgAddress;
import com.keydesk.store.TeamStore;
import com.keydesk.testing.PgCluster;
import com.keydesk.testing.TestStore;
import com.keydesk.ui.keys.KeyRow;
import com.keydesk.ui.settings.UiPreferences;
import com.keydesk.ui.teamstore.RecentStores;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desktop app opens a team store through its dialog and shows a key that another user of the
 * same PostgreSQL database (here another set of services, as another process would be) creates,
 * without a refresh, keeping what was selected and where the table was scrolled.
 */
class TeamStoreRobotTest extends AppRobotTest {
    private PgCluster pg;
    private String database;
    private Database otherDb;
    private Services other;
    private Session otherAdmin;

    @Override
    protected Composition compose(Stage stage) {
        pg = PgCluster.get();
        String url = pg.newDatabase();
        database = PgCluster.databaseOf(url);
        TeamStore team = new TeamStore(PgAddress.parse(url + "?sslmode=disable", "postgres"), null);
        otherDb = Database.create(team);
        other = Services.over(otherDb, TestStore.CHEAP, clock, new SecureRandom());
        otherAdmin = other.setup().initialise("Team Acme", TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray());
        other.demoData().fill(otherAdmin, 300, 0);
        try {
            RecentStores recent = new RecentStores(Files.createTempDirectory("keydesk-recent").resolve("recent.json"));
            return new Composition(stage, new com.keydesk.store.StoreAddress.Local(folder), folder, TestStore.CHEAP,
                    clock, tasks, UiPreferences.inMemory(), () -> { }, recent);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void closeOther() {
        if (otherDb != null) {
            otherDb.close();
        }
    }

    @Test
    void aTeamStoreOpenedThroughTheDialogShowsAKeyMadeElsewhereWithoutARefresh() throws Exception {
        clickOn("#openTeamStoreLink");
        fillDialog("no_such_database");
        clickOn("#testConnectionButton");
        assertThat(connectionResult()).as("one sentence beside the fields").contains("no_such_database")
                .doesNotContain("\n");

        replaceText("#databaseField", database);
        clickOn("#testConnectionButton");
        assertThat(connectionResult()).isEqualTo("Connected: this is a KeyDesk store, ready to open.");
        clickOn("#openStoreButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.getTitle()).contains(display());
        signInAsAdmin();
        assertThat(lookup("#storeLocation").queryAs(Label.class).getText()).isEqualTo("Team store: " + display());
        assertThat(stage.getTitle()).isEqualTo("Team Acme — KeyDesk — " + display());
        assertThat(visibleKeys()).hasSize(300);

        KeyRow chosen = visibleKeys().get(150);
        interact(() -> {
            table().scrollTo(140);
            table().getSelectionModel().select(150);
        });
        int firstShown = firstVisibleIndex();

        other.keys().create(otherAdmin, NewKey.site("made by another process", null, null));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> visibleKeys().size() == 301);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visibleKeys().getFirst().name()).isEqualTo("made by another process");
        assertThat(table().getSelectionModel().getSelectedItems()).extracting(KeyRow::id).containsExactly(chosen.id());
        assertThat(firstVisibleIndex()).as("the rows in view stay in view: the new one went in above them")
                .isEqualTo(firstShown + 1);
        assertNothingUncaught();
    }

    /**
     * A change tried during the outage is not part of this test: with the team store's pool as it is,
     * a service call waits about 96 s before it fails with its sentence (three of the pool's 32-second
     * waits for a connection), which the window shows like any other failure.
     */
    @Test
    void aStoppedServerIsSaidInOneSentenceAndTheWindowCarriesOnWhenItIsBack() throws Exception {
        clickOn("#openTeamStoreLink");
        fillDialog(database);
        clickOn("#openStoreButton");
        WaitForAsyncUtils.waitForFxEvents();
        signInAsAdmin();
        KeyRow chosen = visibleKeys().get(3);
        selectKey(chosen.name());
        assertThat(lookup("#storeState").queryAs(Label.class).getText()).isEqualTo("Others' changes appear as they happen");

        pg.stop();
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, this::troubleShown);
            assertThat(lookup("#storeTrouble").queryAs(Label.class).getText()).isEqualTo("The team store " + display()
                    + " cannot be reached right now; KeyDesk keeps trying and carries on when it is back.");
            assertThat(lookup("#storeState").queryAs(Label.class).getText()).isEqualTo("Retrying…");
        } finally {
            pg.start();
        }

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !troubleShown());
        other.keys().create(otherAdmin, NewKey.site("made after the restart", null, null));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> visibleKeys().size() == 301);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visibleKeys()).filteredOn(k -> k.id() == chosen.id()).singleElement()
                .satisfies(k -> assertThat(k.permission()).isEqualTo(chosen.permission()));
        assertThat(table().getSelectionModel().getSelectedItems()).extracting(KeyRow::id).containsExactly(chosen.id());
        assertNothingUncaught();
    }

    @Test
    void anAdministratorMovesTheLocalStoreIntoAnEmptyTeamStoreAndWorksOnThereWithTheSameUsersAndKeys() throws Exception {
        String empty = PgCluster.databaseOf(pg.newDatabase());
        signInAsAdmin();
        clickOn("#nav-SITE_KEYS");
        clickOn("#storeMenu");
        clickOn("#moveToTeamStoreItem");
        fillDialog(database);
        clickOn("#openStoreButton");
        assertThat(connectionResult()).as("a database that holds a store is not moved into").isEqualTo(
                "This database already holds a KeyDesk store; a store moves only into an empty database.");
        replaceText("#databaseField", empty);
        clickOn("#openStoreButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(dialogPane().getHeaderText()).isEqualTo("Store moved");
        clickDialogButton("OK");

        String moved = "postgresql://postgres@127.0.0.1:" + pg.port() + "/" + empty + "?sslmode=disable";
        assertThat(stage.getTitle()).endsWith(moved);
        signInAsAdmin();
        assertThat(lookup("#storeLocation").queryAs(Label.class).getText()).isEqualTo("Team store: " + moved);
        assertThat(visibleKeys()).extracting(KeyRow::name).containsExactly("moved along");
        try (Database there = Database.open(new TeamStore(PgAddress.parse(moved, "postgres"), null))) {
            Services services = Services.over(there, TestStore.CHEAP, clock, new SecureRandom());
            Session admin = services.auth().signIn(TestStore.ADMIN, TestStore.ADMIN_PASSWORD.toCharArray());
            assertThat(services.audit().verify(admin).intact()).isTrue();
        }
        assertThat(Database.exists(folder)).as("the local store stays as it was").isTrue();
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.map(p -> p.getFileName().toString())).as("the move's backup is gone")
                    .noneMatch(name -> name.startsWith("keydesk-move-"));
        }
        assertNothingUncaught();
    }

    @Override
    protected void seed(TestStore store) {
        store.siteKey("moved along");
    }

    /** The banner above the window's content (its label is always "visible"; the banner around it is not). */
    private boolean troubleShown() {
        return lookup("#storeTrouble").queryAs(Label.class).getParent().isVisible();
    }

    private void fillDialog(String databaseName) {
        replaceText("#hostField", "127.0.0.1");
        replaceText("#portField", String.valueOf(pg.port()));
        replaceText("#databaseField", databaseName);
        replaceText("#userField", "postgres");
        clickOn("#tlsMode");
        clickOn((Node n) -> n instanceof ListCell<?> c && c.getText() != null && c.getText().startsWith("Off"));
    }

    private String display() {
        return "postgresql://postgres@127.0.0.1:" + pg.port() + "/" + database + "?sslmode=disable";
    }

    private String connectionResult() {
        return lookup("#connectionResult").queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private TableView<KeyRow> table() {
        return (TableView<KeyRow>) lookup("#keyTable").match(Node::isVisible).query();
    }

    private int firstVisibleIndex() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((VirtualFlow<?>) table().lookup(".virtual-flow"))
                .getFirstVisibleCell().getIndex()).get();
    }
}
