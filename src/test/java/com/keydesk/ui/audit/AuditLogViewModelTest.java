package com.keydesk.ui.audit;

import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.KeyEdit;
import com.keydesk.ui.FakeFilePicker;
import com.keydesk.ui.UiFixture;
import com.keydesk.ui.audit.AuditLogViewModel.Check;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogViewModelTest {
    @TempDir
    Path dir;
    private final FakeFilePicker files = new FakeFilePicker();

    @Test
    void filtersByActionActorAndDateRange() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.addUser("bob");                       // 2026-06-01
            ui.store.clock.advance(Duration.ofDays(2));
            ui.store.siteKey("CI deploy");                 // 2026-06-03
            ui.store.clock.advance(Duration.ofDays(2));
            ui.store.allowUsersToCreateKeys(true);         // 2026-06-05
            AuditLogViewModel vm = new AuditLogViewModel(ui.admin(), ZoneOffset.UTC, files);
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
    void aLogLongerThanTheScreenHoldsShowsItsNewestEntriesAndSaysHowManyThereAre() {
        try (UiFixture ui = new UiFixture(dir)) {
            for (int i = 0; i < 5; i++) {
                ui.store.siteKey("Deploy " + i);
            }
            List<AuditEntry> whole = ui.store.services.audit().entries(ui.store.admin);
            AuditLogViewModel vm = new AuditLogViewModel(ui.admin(), ZoneOffset.UTC, files, 3);
            vm.reload();

            assertThat(vm.entries()).extracting(AuditEntry::seq)
                    .containsExactlyElementsOf(whole.subList(whole.size() - 3, whole.size()).stream().map(AuditEntry::seq).toList());
            assertThat(vm.countProperty().get())
                    .isEqualTo("The newest 3 of " + whole.size() + " entries (keydesk audit list gives every one)");
            vm.actionProperty().set("user.created");   // made with the store, long before the keys
            assertThat(vm.countProperty().get()).isEqualTo("0 of the newest 3 of " + whole.size() + " entries");

            AuditLogViewModel roomy = new AuditLogViewModel(ui.admin(), ZoneOffset.UTC, files, whole.size());
            roomy.reload();
            assertThat(roomy.entries()).hasSize(whole.size());
            assertThat(roomy.countProperty().get()).isEqualTo(whole.size() + " entries");
        }
    }

    @Test
    void targetsAreShownByNameAndARevokedKeyByItsLastName() {
        try (UiFixture ui = new UiFixture(dir)) {
            var bob = ui.store.addUser("bob");
            long kept = ui.store.siteKey("Reporting export").key().id();
            long gone = ui.store.siteKey("Old deploy").key().id();
            ui.store.services.keys().update(ui.store.admin, gone, new KeyEdit("Last deploy", null, null, false));
            ui.store.services.keys().revoke(ui.store.admin, gone);
            AuditLogViewModel vm = new AuditLogViewModel(ui.admin(), ZoneOffset.UTC, files);
            vm.reload();

            assertThat(shownTargets(vm, "api_key:" + kept)).containsOnly("key " + kept + " \"Reporting export\"");
            assertThat(shownTargets(vm, "api_key:" + gone)).containsOnly("key " + gone + " \"Last deploy\"");
            assertThat(shownTargets(vm, "user:" + bob.userId())).containsOnly("user bob");
            assertThat(shownTargets(vm, "site")).containsOnly("site");
        }
    }

    @Test
    void theTargetFilterMatchesTheNameShownOrTheStoredTarget() {
        try (UiFixture ui = new UiFixture(dir)) {
            var bob = ui.store.addUser("bob");
            long key = ui.store.siteKey("Reporting export").key().id();
            AuditLogViewModel vm = new AuditLogViewModel(ui.admin(), ZoneOffset.UTC, files);
            vm.reload();

            vm.targetProperty().set("REPORTING");
            assertThat(vm.filteredEntries()).extracting(AuditEntry::target).containsOnly("api_key:" + key).isNotEmpty();
            vm.targetProperty().set("user bob");
            assertThat(vm.filteredEntries()).extracting(AuditEntry::target).containsOnly("user:" + bob.userId()).isNotEmpty();
            vm.targetProperty().set("api_key:" + key);
            assertThat(vm.filteredEntries()).extracting(AuditEntry::target).containsOnly("api_key:" + key).isNotEmpty();
            vm.clearFilters();
            assertThat(vm.targetProperty().get()).isEmpty();
            assertThat(vm.filteredEntries()).hasSize(vm.entries().size());
        }
    }

    @Test
    void actionsReadAsWordsAndTheZoneIsNamed() {
        try (UiFixture ui = new UiFixture(dir)) {
            AuditLogViewModel vm = new AuditLogViewModel(ui.admin(), ZoneId.of("Europe/Berlin"), files);
            assertThat(AuditLogViewModel.actionText("api_key.created")).isEqualTo("Key created");
            assertThat(AuditLogViewModel.actionText("something.new")).isEqualTo("something.new");
            Instant summer = Instant.parse("2026-06-01T08:00:00Z");
            assertThat(vm.timeText(summer)).isEqualTo("2026-06-01 10:00:00");
            assertThat(vm.timeWithZone(summer)).isEqualTo("2026-06-01 10:00:00 UTC+02:00");
            assertThat(vm.timeWithZone(Instant.parse("2026-01-01T08:00:00Z"))).isEqualTo("2026-01-01 09:00:00 UTC+01:00");
            assertThat(vm.zoneText()).isEqualTo("Europe/Berlin");
            assertThat(new AuditLogViewModel(ui.admin(), ZoneId.of("Etc/UTC"), files).zoneText()).isEqualTo("UTC");
            assertThat(new AuditLogViewModel(ui.admin(), ZoneOffset.UTC, files).zoneText()).isEqualTo("UTC");
            assertThat(new AuditLogViewModel(ui.admin(), ZoneOffset.ofHours(1), files).zoneText()).isEqualTo("UTC+01:00");
        }
    }

    @Test
    void exportWritesTheEntriesShownAsCsvAndJson() throws Exception {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.addUser("bob");
            long key = ui.store.siteKey("=HYPERLINK(1)").key().id();
            AuditLogViewModel vm = new AuditLogViewModel(ui.admin(), ZoneOffset.UTC, files);
            vm.reload();
            vm.actionProperty().set("api_key.created");

            files.exportTarget = dir.resolve("out").resolve("audit.csv");
            vm.export(AuditExport.Format.CSV);
            assertThat(files.suggestedName).isEqualTo("keydesk-audit-2026-06-01.csv");
            List<String> lines = Files.readAllLines(files.exportTarget);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).isEqualTo("seq,at,actor,action,action_name,target,target_name,outcome,detail,"
                    + "row_digest,prev_hash,entry_hash");
            assertThat(lines.get(1)).contains(",alice,api_key.created,Key created,api_key:" + key + ",\"key " + key
                    + " \"\"=HYPERLINK(1)\"\"\",ok,").doesNotContain(",=");
            assertThat(vm.exportStatusProperty().get()).isEqualTo("1 entry written to audit.csv");

            files.exportTarget = dir.resolve("audit.json");
            vm.export(AuditExport.Format.JSON);
            String json = Files.readString(files.exportTarget);
            assertThat(json).startsWith("[\n  {\n    \"seq\": ").contains("\"action_name\": \"Key created\"")
                    .contains("\"target_name\": \"key " + key + " \\\"=HYPERLINK(1)\\\"\"");
            try (var left = Files.list(dir)) {
                assertThat(left).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
            }

            files.exportTarget = null; // cancelled
            vm.export(AuditExport.Format.JSON);
            assertThat(ui.dialogs.asked).isEmpty();
        }
    }

    @Test
    void verifyReportsAnIntactLog() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.addUser("bob");
            AuditLogViewModel vm = new AuditLogViewModel(ui.admin(), ZoneOffset.UTC, files);
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
            AuditLogViewModel vm = new AuditLogViewModel(ui.admin(), ZoneOffset.UTC, files);
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
            assertThat(vm.brokenShownProperty().get()).isTrue();

            AuditLogViewModel newest = new AuditLogViewModel(ui.admin(), ZoneOffset.UTC, files, 2);
            newest.reload();
            newest.verify();
            assertThat(newest.brokenSeqProperty().get()).isEqualTo(2);
            assertThat(newest.brokenShownProperty().get()).as("entry 2 is older than the newest two held").isFalse();
        }
    }

    private static List<String> shownTargets(AuditLogViewModel vm, String stored) {
        return vm.entries().stream().filter(e -> stored.equals(e.target())).map(vm::targetText).toList();
    }

    @Test
    void aNonAdministratorGetsTheServiceSentence() {
        try (UiFixture ui = new UiFixture(dir)) {
            var bob = ui.store.addUser("bob");
            AuditLogViewModel vm = new AuditLogViewModel(ui.as(bob), ZoneOffset.UTC, files);
            vm.verify();
            assertThat(vm.checkProperty().get()).isEqualTo(Check.FAILED);
            assertThat(vm.checkTextProperty().get()).isEqualTo("Only a site administrator may do this.");
        }
    }
}
