package com.keydesk.ui.audit;

import com.keydesk.domain.AuditEntry;
import com.keydesk.ui.UiFixture;
import com.keydesk.ui.audit.AuditLogViewModel.Check;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogViewModelTest {
    @TempDir
    Path dir;

    @Test
    void filtersByActionActorAndDateRange() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.addUser("bob");                       // 2026-06-01
            ui.store.clock.advance(Duration.ofDays(2));
            ui.store.siteKey("CI deploy");                 // 2026-06-03
            ui.store.clock.advance(Duration.ofDays(2));
            ui.store.allowUsersToCreateKeys(true);         // 2026-06-05
            AuditLogViewModel vm = new AuditLogViewModel(ui.admin(), ZoneOffset.UTC);
            vm.reload();
            int all = vm.entries().size();
            assertThat(vm.actionChoices()).startsWith(AuditLogViewModel.ALL_ACTIONS)
                    .contains("user.created", "api_key.created", "site.settings_changed");
            assertThat(AuditLogViewModel.actionText(AuditLogViewModel.ALL_ACTIONS)).isEqualTo("All actions");

            vm.actionProperty().set("user.created");
            assertThat(vm.filteredEntries()).extracting(AuditEntry::action).containsOnly("user.created");
            assertThat(vm.countProperty().get()).isEqualTo(vm.filteredEntries().size() + " of " + all + " entries");

            vm.actionProperty().set(AuditLogViewModel.ALL_ACTIONS);
            vm.actorProperty().set("ALI");
            assertThat(vm.filteredEntries()).isNotEmpty().extracting(AuditEntry::actor).containsOnly("alice");

            vm.actorProperty().set("");
            vm.fromProperty().set(LocalDate.of(2026, 6, 2));
            vm.toProperty().set(LocalDate.of(2026, 6, 3));
            assertThat(vm.filteredEntries()).extracting(AuditEntry::action).containsExactly("api_key.created");

            vm.clearFilters();
            assertThat(vm.filteredEntries()).hasSize(all);
        }
    }

    @Test
    void verifyReportsAnIntactLog() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.addUser("bob");
            AuditLogViewModel vm = new AuditLogViewModel(ui.admin(), ZoneOffset.UTC);
            vm.verify();
            assertThat(vm.checkProperty().get()).isEqualTo(Check.INTACT);
            assertThat(vm.checkTextProperty().get()).startsWith("The audit log is intact:");
            assertThat(vm.brokenSeqProperty().get()).isEqualTo(-1);
        }
    }

    @Test
    void verifyNamesTheFirstChangedEntryAndRevealsIt() throws Exception {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.addUser("bob");
            ui.store.siteKey("CI deploy");
            ui.store.db.inTransaction(cfg -> cfg.dsl().execute("UPDATE audit_entry SET detail='x' WHERE seq=2"));
            AuditLogViewModel vm = new AuditLogViewModel(ui.admin(), ZoneOffset.UTC);
            vm.reload();
            vm.actorProperty().set("nobody");
            vm.verify();
            assertThat(vm.checkProperty().get()).isEqualTo(Check.BROKEN);
            assertThat(vm.brokenSeqProperty().get()).isEqualTo(2);
            assertThat(vm.checkTextProperty().get())
                    .isEqualTo("The audit log was tampered with at entry 2. Audit entry 2 was changed after it was written.");
            AuditEntry broken = vm.revealBroken();
            assertThat(broken.seq()).isEqualTo(2);
            assertThat(broken.detail()).isEqualTo("x");
            assertThat(vm.filteredEntries()).contains(broken);
        }
    }

    @Test
    void aNonAdministratorGetsTheServiceSentence() {
        try (UiFixture ui = new UiFixture(dir)) {
            var bob = ui.store.addUser("bob");
            AuditLogViewModel vm = new AuditLogViewModel(ui.as(bob), ZoneOffset.UTC);
            vm.verify();
            assertThat(vm.checkProperty().get()).isEqualTo(Check.FAILED);
            assertThat(vm.checkTextProperty().get()).isEqualTo("Only a site administrator may do this.");
        }
    }
}
