package com.keydesk.ui.keys;

import com.keydesk.ui.SignedIn;
import com.keydesk.ui.TaskRunner;
import com.keydesk.ui.UiFixture;
import javafx.beans.property.SimpleBooleanProperty;

import java.time.ZoneOffset;

/** The site keys' table of tests that hold the runner's outcomes: seeded with numbered keys, then loading. */
final class SiteKeyTables {
    private SiteKeyTables() {
    }

    /** {@code count} site keys named "key 000", "key 001", …, the last the newest. */
    static void seed(UiFixture ui, int count) {
        for (int i = 0; i < count; i++) {
            ui.store.siteKey(String.format("key %03d", i));
        }
    }

    /** The administrator's site keys' table over {@code tasks}, its load begun. */
    static KeyTableViewModel loading(UiFixture ui, TaskRunner tasks) {
        KeyTableViewModel vm = new KeyTableViewModel(new SignedIn(ui.store.services, ui.store.admin, tasks, ui.dialogs,
                ui.clipboard, ui.store.clock), KeyScope.SITE_KEYS, ui.keyDialogs, true, new SimpleBooleanProperty(true),
                ZoneOffset.UTC);
        vm.reload();
        return vm;
    }
}
