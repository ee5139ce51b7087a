package com.keydesk.app;

import com.keydesk.ui.FilePicker;
import com.keydesk.ui.Messages;
import com.keydesk.ui.SignedIn;
import com.keydesk.ui.audit.AuditLogView;
import com.keydesk.ui.audit.AuditLogViewModel;
import com.keydesk.ui.main.MainView;
import com.keydesk.ui.main.MainViewModel;
import com.keydesk.ui.main.Section;
import com.keydesk.ui.password.ChangePasswordView;
import com.keydesk.ui.password.ChangePasswordViewModel;
import com.keydesk.ui.scan.ScanView;
import com.keydesk.ui.scan.ScanViewModel;
import com.keydesk.ui.settings.SettingsView;
import com.keydesk.ui.settings.SettingsViewModel;
import com.keydesk.ui.settings.StoreRestorer;
import com.keydesk.ui.settings.UiPreferences;
import com.keydesk.ui.users.FxUserDialogs;
import com.keydesk.ui.users.UsersView;
import com.keydesk.ui.users.UsersViewModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.ZoneId;

/** Builds the main window's screens that are not key tables, and the user menu's extras. */
final class Screens {
    private final Stage stage;
    private final UiPreferences preferences;
    private final StoreRestorer restorer;

    Screens(Stage stage, UiPreferences preferences, StoreRestorer restorer) {
        this.stage = stage;
        this.preferences = preferences;
        this.restorer = restorer;
    }

    MainView main(MainViewModel vm, FilePicker files) {
        MenuItem password = new MenuItem(Messages.get("password.menu"), new FontIcon("mdi2l-lock-reset"));
        password.setId("changePasswordItem");
        password.setOnAction(e -> ChangePasswordView.showAndWait(stage, new ChangePasswordViewModel(vm.context())));
        MenuItem scan = new MenuItem(Messages.get("scan.menu"), new FontIcon("mdi2s-shield-search"));
        scan.setId("scanForLeakedKeysItem");
        scan.setOnAction(e -> vm.currentProperty().set(Section.SCAN));
        return new MainView(vm, section -> other(vm, section, files), password, scan);
    }

    /** Users, settings and the audit log (the navigation offers them to administrators only), and the leak scan. */
    private Node other(MainViewModel vm, Section section, FilePicker files) {
        SignedIn ctx = vm.context();
        ZoneId zone = ZoneId.systemDefault();
        return switch (section) {
            case USERS -> new UsersView(new UsersViewModel(ctx, new FxUserDialogs(() -> stage)));
            case SETTINGS -> new SettingsView(new SettingsViewModel(ctx, preferences, files, restorer, vm::applySite, zone));
            case AUDIT -> new AuditLogView(new AuditLogViewModel(ctx, zone, files));
            case SCAN -> new ScanView(new ScanViewModel(ctx, files, vm.keyDialogs(), javafx.application.Platform::runLater));
            default -> new Label(section.text());
        };
    }
}
