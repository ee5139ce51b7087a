package com.keydesk.ui.robot;

import com.keydesk.domain.AuditEntry;
import com.keydesk.testing.TestStore;
import com.keydesk.ui.FakeFilePicker;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogRobotTest extends AppRobotTest {
    @Override
    protected void seed(TestStore store) {
        store.addUser("bob");
        store.siteKey("CI deploy");
        store.allowUsersToCreateKeys(true);
    }

    @Test
    void filtersByActionActorAndDate() {
        signInAsAdmin();
        clickOn("#nav-AUDIT");
        int all = this.<AuditEntry>rowsOf("#auditTable").size();
        assertThat(this.<AuditEntry>rowsOf("#auditTable").getFirst().seq()).isEqualTo(all); // newest first

        clickOn("#auditActionFilter");
        clickOn((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> c && "Key created".equals(c.getText()));
        assertThat(this.<AuditEntry>rowsOf("#auditTable")).extracting(AuditEntry::action).containsExactly("api_key.created");
        assertThat(lookup("#auditCount").queryLabeled().getText()).isEqualTo("1 of " + all + " entries");

        clickOn("#auditClearFilters");
        clickOn("#auditActorFilter").write("bob");
        assertThat(this.<AuditEntry>rowsOf("#auditTable")).isEmpty();
        replaceText("#auditActorFilter", "ALICE");
        assertThat(this.<AuditEntry>rowsOf("#auditTable")).hasSize(all);

        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault());
        DatePicker from = lookup("#auditFrom").queryAs(DatePicker.class);
        clickOn(from.getEditor()).write(from.getConverter().toString(day.plusDays(1))).type(javafx.scene.input.KeyCode.ENTER);
        assertThat(this.<AuditEntry>rowsOf("#auditTable")).isEmpty();
        replaceText("#auditFrom .text-field", from.getConverter().toString(day));
        type(javafx.scene.input.KeyCode.ENTER);
        assertThat(this.<AuditEntry>rowsOf("#auditTable")).hasSize(all);
    }

    @Test
    void filtersByTargetNameAndExportsWhatIsShown() throws Exception {
        FakeFilePicker files = new FakeFilePicker();
        app.useFilePicker(files);
        signInAsAdmin();
        clickOn("#nav-AUDIT");
        assertThat(((TableView<?>) lookup("#auditTable").query()).getColumns().get(1).getText()).startsWith("Time (");
        assertThat(lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && "key 1 \"CI deploy\"".equals(c.getText())).tryQuery()).isPresent();

        clickOn("#auditTargetFilter").write("ci deploy");
        assertThat(this.<AuditEntry>rowsOf("#auditTable")).extracting(AuditEntry::target).containsExactly("api_key:1");
        assertThat(lookup("#auditCount").queryLabeled().getText()).startsWith("1 of ");

        files.exportTarget = folder.getParent().resolve("audit.csv");
        clickOn("#auditExport");
        clickOn("#auditExportCsv");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#auditExportStatus").queryLabeled().getText()).isEqualTo("1 entry written to audit.csv");
        // the export's sentence stands apart from the count beside it ("1 of 5 entries1 entry written…" read as one)
        javafx.scene.Node count = lookup("#auditCount").query();
        javafx.scene.Node written = lookup("#auditExportStatus").query();
        double gap = written.localToScene(written.getBoundsInLocal()).getMinX()
                - count.localToScene(count.getBoundsInLocal()).getMaxX();
        assertThat(gap).as("space between the count and the export's sentence").isGreaterThanOrEqualTo(12);
        assertThat(Files.readAllLines(files.exportTarget)).hasSize(2).last().asString()
                .contains("api_key:1,\"key 1 \"\"CI deploy\"\"\"");

        clickOn("#auditClearFilters");
        assertThat(lookup("#auditTargetFilter").queryAs(javafx.scene.control.TextField.class).getText()).isEmpty();
    }

    @Test
    void verifyIntegritySaysIntactThenNamesATamperedEntry() throws Exception {
        signInAsAdmin();
        clickOn("#nav-AUDIT");
        clickOn("#verifyButton");
        assertThat(lookup("#verifyResult").queryLabeled().getText()).startsWith("The audit log is intact:");
        assertThat(lookup("#showBrokenEntry").query().isVisible()).isFalse();

        // Someone with access to the database file edits an entry behind KeyDesk's back.
        try (Connection sql = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("keydesk").toAbsolutePath()
                + ";IFEXISTS=TRUE", "keydesk", ""); Statement st = sql.createStatement()) {
            assertThat(st.executeUpdate("UPDATE audit_entry SET detail='x' WHERE seq=2")).isEqualTo(1);
        }
        clickOn("#auditActorFilter").write("nobody");
        clickOn("#verifyButton");
        assertThat(lookup("#verifyResult").queryLabeled().getText())
                .isEqualTo("The audit log was tampered with at entry 2. Audit entry 2 was changed after it was written.");
        clickOn("#showBrokenEntry");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<AuditEntry> table = lookup("#auditTable").queryAs(TableView.class);
        AuditEntry selected = table.getSelectionModel().getSelectedItem();
        assertThat(selected.seq()).isEqualTo(2);
        assertThat(selected.detail()).isEqualTo("x");
        assertThat(lookup(".audit-broken").tryQuery()).isPresent();
    }
}
