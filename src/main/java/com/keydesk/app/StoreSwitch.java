package com.keydesk.app;

import com.keydesk.service.Session;
import com.keydesk.service.TeamStoreRestore;
import com.keydesk.store.StoreAddress;
import com.keydesk.store.TeamStore;
import com.keydesk.ui.DialogService;
import com.keydesk.ui.Messages;
import com.keydesk.ui.TaskRunner;
import com.keydesk.ui.main.OpenStore;
import com.keydesk.ui.teamstore.RecentStores;
import com.keydesk.ui.teamstore.TeamStoreDialogView;
import com.keydesk.ui.teamstore.TeamStoreDialogViewModel;
import com.keydesk.ui.teamstore.TeamStoreDialogViewModel.Choice;
import com.keydesk.ui.teamstore.TeamStoreDialogViewModel.Purpose;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;

/**
 * Leaving the open store for another: "Open team store…" (from the start screens and the main
 * window), back to this computer's store, and "Move this store to a team store…". Whatever is
 * chosen is opened in the background first; only a store that opened replaces the one in use.
 */
final class StoreSwitch {
    private final Composition app;
    private final Stage stage;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final RecentStores recentStores;
    private final Clock clock;
    private final TeamStores teamStores = new TeamStores(System.getenv());

    StoreSwitch(Composition app, Stage stage, TaskRunner tasks, DialogService dialogs, RecentStores recentStores,
                Clock clock) {
        this.app = app;
        this.stage = stage;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.recentStores = recentStores;
        this.clock = clock;
    }

    /** What the main window shows of the store at {@code address}, and its ways to another. */
    OpenStore openStore(StoreAddress address) {
        return new OpenStore() {
            @Override
            public String display() {
                return address.display();
            }

            @Override
            public boolean isTeamStore() {
                return address instanceof TeamStore;
            }

            @Override
            public void openTeamStore() {
                StoreSwitch.this.openTeamStore();
            }

            @Override
            public void openLocalStore() {
                StoreSwitch.this.openLocalStore();
            }

            @Override
            public void moveToTeamStore(Session session) {
                StoreSwitch.this.moveToTeamStore(session);
            }
        };
    }

    /** The team store dialog; a store chosen there is opened, or set up when its database is empty. */
    void openTeamStore() {
        TeamStoreDialogViewModel vm = dialog(Purpose.OPEN);
        TeamStoreDialogView.showAndWait(stage, vm).ifPresent(choice -> {
            TeamStore target = storeOf(choice);
            if (choice.create()) {
                app.switchTo(target, null);   // no store there yet: the setup screen makes it
            } else {
                open(target);
            }
        });
    }

    /** Back to this computer's own store folder. */
    void openLocalStore() {
        open(new StoreAddress.Local(app.localFolder()));
    }

    private void open(StoreAddress target) {
        app.leaveWindow();
        app.title("window.title");
        app.setRoot(Composition.opening(Messages.format("teamStore.opening", target.display())));
        tasks.run(() -> app.openIfThere(target), opened -> app.switchTo(target, opened), failure -> {
            dialogs.showFailure(Messages.get("teamStore.failed.heading"), failure);
            app.showStart();   // still the store that was open: sign in to it again
        });
    }

    /**
     * Copies the open local store into an empty team store database (a backup to a private
     * temporary file, restored there), then switches to it. The backup service checks that the
     * person is an administrator; the local store stays as it was.
     */
    void moveToTeamStore(Session session) {
        TeamStoreDialogViewModel vm = dialog(Purpose.MOVE);
        TeamStoreDialogView.showAndWait(stage, vm).ifPresent(choice -> {
            TeamStore target = storeOf(choice);
            OpenedStore from = Objects.requireNonNull(app.openStore());
            app.leaveWindow();
            app.title("window.title");
            app.setRoot(Composition.opening(Messages.format("teamStore.moving", target.display())));
            tasks.run(() -> {
                StoreMove.move(from.services(), session, backup -> TeamStoreRestore.restore(target, backup, clock));
                OpenedStore opened = Objects.requireNonNull(app.openIfThere(target), "the moved store");
                // moved on purpose, through KeyDesk: this is where its history starts for this installation
                opened.witness().remember();
                return opened.withoutHistoryProblem();
            }, opened -> {
                app.switchTo(target, opened);
                dialogs.showInformation(Messages.get("teamStore.moved.heading"), Messages.format(
                        "teamStore.moved.sentence", target.display(), from.address().display()));
            }, failure -> {
                dialogs.showFailure(Messages.get("teamStore.moveFailed.heading"), failure);
                app.showMain(session);   // the local store is open as it was
            });
        });
    }

    private TeamStoreDialogViewModel dialog(Purpose purpose) {
        TeamStoreDialogViewModel vm = new TeamStoreDialogViewModel(teamStores, recentStores, tasks, dialogs, purpose);
        TeamStores.dialogAddress(app.address()).ifPresent(vm::choose);
        return vm;
    }

    /** The store chosen, holding its own copy of the password; the dialog's copy is wiped. */
    private TeamStore storeOf(Choice choice) {
        try {
            return teamStores.store(choice.address(), choice.password());
        } finally {
            if (choice.password() != null) {
                Arrays.fill(choice.password(), '\0');
            }
        }
    }
}
