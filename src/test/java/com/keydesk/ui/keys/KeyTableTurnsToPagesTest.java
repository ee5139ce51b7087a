package com.keydesk.ui.keys;

import com.keydesk.testing.H2Statements;
import com.keydesk.ui.DeferredTaskRunner;
import com.keydesk.ui.UiFixture;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table that turns out to hold more keys than it keeps in memory: its newest rows show before
 * anything is counted, and stay until the first page read from the store takes their place.
 */
class KeyTableTurnsToPagesTest {
    private static final int KEYS = 260;

    @TempDir
    Path dir;

    @BeforeAll
    static void readAPageAtATimeAbove220Keys() {
        System.setProperty("keydesk.table.pagedAbove", "220");   // above the first page's 200 rows
    }

    @AfterAll
    static void backToTheDefault() {
        System.clearProperty("keydesk.table.pagedAbove");
    }

    @Test
    void theNewestRowsShowAtOnceAndTheTableIsNeverEmptyOnItsWayToPages() {
        try (UiFixture ui = new UiFixture(dir)) {
            SiteKeyTables.seed(ui, KEYS);
            DeferredTaskRunner tasks = new DeferredTaskRunner();
            KeyTableViewModel vm = SiteKeyTables.loading(ui, tasks);

            tasks.deliverOne();   // the newest rows: shown, nothing counted yet
            assertThat(vm.pagedProperty().get()).isFalse();
            assertThat(vm.visibleRows()).hasSize(KeyTableViewModel.FIRST_PAGE);
            assertThat(vm.visibleRows().getFirst().name()).isEqualTo("key 259");
            while (tasks.holding()) {   // the count, then the first page, then its count
                tasks.deliverOne();
                assertThat(shown(vm)).as("rows on screen after each step").isNotEmpty();
            }
            assertThat(vm.pagedProperty().get()).isTrue();
            assertThat(vm.pagedRows()).hasSize(KEYS);
            assertThat(vm.pagedRows().getFirst().name()).isEqualTo("key 259");
            assertThat(vm.countProperty().get()).isEqualTo("260 keys");
        }
    }

    @Test
    void theTableIsCountedOnceOnItsWayToPages() {
        try (UiFixture ui = new UiFixture(dir)) {
            SiteKeyTables.seed(ui, KEYS);
            H2Statements statements = H2Statements.countFrom(ui.store.db);
            DeferredTaskRunner tasks = new DeferredTaskRunner();
            KeyTableViewModel vm = SiteKeyTables.loading(ui, tasks);
            tasks.deliver();

            assertThat(vm.countProperty().get()).isEqualTo("260 keys");
            assertThat(statements.executed().entrySet()).filteredOn(e -> e.getKey().startsWith("select count(*) from api_key k"))
                    .extracting(java.util.Map.Entry::getValue).containsExactly(1);
        }
    }

    @Test
    void aSearchTypedWhileTheTableTurnsToPagesIsTheOneThePagesShow() {
        try (UiFixture ui = new UiFixture(dir)) {
            SiteKeyTables.seed(ui, KEYS);
            DeferredTaskRunner tasks = new DeferredTaskRunner();
            KeyTableViewModel vm = SiteKeyTables.loading(ui, tasks);

            tasks.deliverOne();   // the newest rows, in memory: key 060 to key 259
            tasks.deliverOne();   // the count: the first page is asked for, with no search
            vm.searchProperty().set("key 01");
            assertThat(vm.visibleRows()).as("none of the rows held so far matches").isEmpty();
            tasks.deliver();

            assertThat(vm.pagedProperty().get()).isTrue();
            List<String> names = new ArrayList<>();
            vm.pagedRows().forEach(row -> names.add(row.name()));
            assertThat(names).containsExactly("key 019", "key 018", "key 017", "key 016", "key 015",
                    "key 014", "key 013", "key 012", "key 011", "key 010");
        }
    }

    /** What the table view shows: the held rows, or the pages once the table reads a page at a time. */
    private static ObservableList<KeyRow> shown(KeyTableViewModel vm) {
        return vm.pagedProperty().get() ? vm.pagedRows() : vm.visibleRows();
    }
}
