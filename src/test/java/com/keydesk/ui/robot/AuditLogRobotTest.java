package com.keydesk.ui.robot;

import com.keydesk.domain.AuditEntry;
import com.keydesk.testing.TestStore;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

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
        clickOn((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> c && "api_key.created".equals(c.getText()));
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
