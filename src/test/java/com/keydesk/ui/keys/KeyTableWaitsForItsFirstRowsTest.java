package com.keydesk.ui.keys;

import com.keydesk.testing.H2Statements;
import com.keydesk.ui.DrawnOnCommandTaskRunner;
import com.keydesk.ui.FakeDialogs;
import com.keydesk.ui.SignedIn;
import com.keydesk.ui.TaskRunner;
import com.keydesk.ui.UiFixture;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table's newest rows are drawn before anything else it reads starts: its count and the rest of
 * its rows, and what others asked to run after its first rows (the sign-in banner's count). On a
 * two-core machine those, run beside the window's first layout, delayed the first rows at 100,000
 * keys by about 45 ms (docs/PERFORMANCE.md, session 16).
 */
class KeyTableWaitsForItsFirstRowsTest {
    private static final int KEYS = 260;   // more than the first page's 200, fewer than a paged table's

    @TempDir
    Path dir;

    @Test
    void theCountAndTheRestOfTheRowsAreReadOnlyOnceTheNewestRowsAreDrawn() {
        try (UiFixture ui = new UiFixture(dir)) {
            SiteKeyTables.seed(ui, KEYS);
            H2Statements statements = H2Statements.countFrom(ui.store.db);
            DrawnOnCommandTaskRunner tasks = new DrawnOnCommandTaskRunner();
            KeyTableViewModel vm = SiteKeyTables.loading(ui, tasks);

            assertThat(vm.visibleRows()).hasSize(KeyTableViewModel.FIRST_PAGE);
            assertThat(vm.visibleRows().getFirst().name()).isEqualTo("key 259");
            assertThat(statements.executed().keySet()).as("nothing counted before the rows are drawn")
                    .noneMatch(sql -> sql.startsWith("select count(*) from api_key k"));
            assertThat(vm.busyProperty().get()).as("still loading while the rest waits").isTrue();

            tasks.draw();
            assertThat(vm.visibleRows()).hasSize(KEYS);
            assertThat(vm.countProperty().get()).isEqualTo("260 keys");
            assertThat(vm.busyProperty().get()).isFalse();
        }
    }

    @Test
    void whatWaitsForTheFirstRowsRunsOnceTheyAreDrawnAndAtOnceAfterThat() {
        try (UiFixture ui = new UiFixture(dir)) {
            ui.store.siteKey("only key");
            DrawnOnCommandTaskRunner tasks = new DrawnOnCommandTaskRunner();
            KeyTableViewModel vm = SiteKeyTables.loading(ui, tasks);
            List<String> ran = new ArrayList<>();

            vm.afterFirstRows(() -> ran.add("banner"));
            assertThat(vm.visibleRows()).extracting(KeyRow::name).containsExactly("only key");
            assertThat(ran).as("rows shown, not yet drawn").isEmpty();

            tasks.draw();
            assertThat(ran).containsExactly("banner");
            vm.afterFirstRows(() -> ran.add("later"));
            assertThat(ran).containsExactly("banner", "later");

            vm.reload();   // a table's first rows come once: a reload does not run them again
            tasks.draw();
            assertThat(ran).containsExactly("banner", "later");
        }
    }

    @Test
    void whatWaitsForTheFirstRowsIsNotLeftWaitingWhenTheyCannotBeRead() {
        try (UiFixture ui = new UiFixture(dir)) {
            TaskRunner outOfReach = new TaskRunner() {
                @Override
                public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
                    onFailure.accept(new IllegalStateException("The store cannot be reached."));
                }
            };
            KeyTableViewModel vm = new KeyTableViewModel(new SignedIn(ui.store.services, ui.store.admin, outOfReach,
                    ui.dialogs, ui.clipboard, ui.store.clock), KeyScope.SITE_KEYS, ui.keyDialogs, true,
                    new SimpleBooleanProperty(true), ZoneOffset.UTC);
            List<String> ran = new ArrayList<>();
            vm.afterFirstRows(() -> ran.add("banner"));

            vm.reload();
            assertThat(ran).containsExactly("banner");
            assertThat(ui.dialogs.asked).extracting(FakeDialogs.Asked::kind).containsExactly("error");
        }
    }
}
