package com.keydesk.app;

import com.keydesk.ui.DialogService;
import com.keydesk.ui.Messages;
import com.keydesk.ui.main.MainView;
import com.keydesk.ui.main.MainViewModel;
import com.keydesk.ui.main.Section;
import com.keydesk.ui.settings.UiPreferences;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Builds the main window's screens that are not key tables. */
final class Screens {
    private final Stage stage;
    private final DialogService dialogs;
    private final UiPreferences preferences;

    Screens(Stage stage, DialogService dialogs, UiPreferences preferences) {
        this.stage = stage;
        this.dialogs = dialogs;
        this.preferences = preferences;
    }

    MainView main(MainViewModel vm) {
        return new MainView(vm, section -> other(vm, section));
    }

    private Node other(MainViewModel vm, Section section) {
        return new Label(Messages.get("nav." + section.name().toLowerCase(java.util.Locale.ROOT)));
    }
}
