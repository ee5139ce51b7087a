package com.keydesk.ui.settings;

import atlantafx.base.controls.ToggleSwitch;
import com.keydesk.domain.PermissionSet;
import com.keydesk.ui.Controls;
import com.keydesk.ui.Messages;
import com.keydesk.ui.keys.text.PermissionText;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The settings screen: the site's setting, this computer's choices, backup and restore. */
public final class SettingsView extends ScrollPane {
    /** A confirmation's height and margin above the window's bottom edge (ControlsFX, bottom right). */
    private static final double CONFIRMATION_ROOM = 56;
    private final SpinnerValueFactory.IntegerSpinnerValueFactory seconds;
    /** Kept as a field, as {@code seconds}: the spinner's value binds to the view model's both ways. */
    private SpinnerValueFactory.IntegerSpinnerValueFactory days;

    public SettingsView(SettingsViewModel vm) {
        setId("settingsScreen");
        setFitToWidth(true);

        ToggleSwitch allow = new ToggleSwitch(Messages.get("settings.usersCanCreate"));
        allow.setId("usersCanCreateToggle");
        // Not bound both ways: the view model may ask first and keep the setting, and the switch must then
        // show the setting as it is (a bidirectional binding does not carry a change made while it updates).
        allow.setSelected(vm.usersCanCreateProperty().get());
        vm.usersCanCreateProperty().addListener((o, was, now) -> allow.setSelected(vm.usersCanCreateProperty().get()));
        allow.selectedProperty().addListener((o, was, now) -> {
            if (now != vm.usersCanCreateProperty().get()) {
                vm.usersCanCreateProperty().set(now);
                allow.setSelected(vm.usersCanCreateProperty().get());
            }
        });
        allow.disableProperty().bind(vm.loadedProperty().not().or(vm.busyProperty()));
        Label settingError = Controls.errorLabel(vm.settingErrorProperty());
        settingError.setId("settingError");
        Label settingStatus = new Label();
        settingStatus.setId("settingStatus");
        settingStatus.setWrapText(true);
        settingStatus.textProperty().bind(vm.settingStatusProperty());
        settingStatus.visibleProperty().bind(settingStatus.textProperty().isNotEmpty());
        settingStatus.managedProperty().bind(settingStatus.visibleProperty());
        VBox site = section("settings.site", allow, hint("settings.usersCanCreate.sentence"),
                defaultPermission(vm), maxLifetime(vm), settingStatus, settingError);

        seconds = new SpinnerValueFactory.IntegerSpinnerValueFactory(UiPreferences.MIN_CLEAR_SECONDS,
                UiPreferences.MAX_CLEAR_SECONDS, vm.clearSecondsProperty().get(), 5);
        seconds.valueProperty().bindBidirectional(vm.clearSecondsProperty());
        Spinner<Integer> spinner = new Spinner<>(seconds);
        // What is typed goes through the view model, which says why it keeps the time when the text is no
        // time it can take (the spinner alone would put the old number back without a word).
        seconds.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                int kept = vm.typedClearSeconds(text);
                javafx.application.Platform.runLater(() -> spinner.getEditor().setText(Integer.toString(seconds.getValue())));
                return kept;
            }
        });
        spinner.setId("clearSecondsSpinner");
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        Label secondsLabel = new Label(Messages.get("settings.clipboard"));
        secondsLabel.setLabelFor(spinner);
        HBox clipboard = new HBox(10, secondsLabel, spinner, new Label(Messages.get("settings.clipboard.unit")));
        clipboard.setAlignment(Pos.CENTER_LEFT);

        ToggleGroup themes = new ToggleGroup();
        RadioButton light = new RadioButton(Messages.get("settings.theme.light"));
        light.setId("lightTheme");
        light.setToggleGroup(themes);
        RadioButton dark = new RadioButton(Messages.get("settings.theme.dark"));
        dark.setId("darkTheme");
        dark.setToggleGroup(themes);
        dark.selectedProperty().bindBidirectional(vm.darkThemeProperty());
        light.setSelected(!vm.darkThemeProperty().get());
        HBox theme = new HBox(16, new Label(Messages.get("settings.theme")), light, dark);
        theme.setAlignment(Pos.CENTER_LEFT);
        Label clearSecondsError = Controls.errorLabel(vm.clearSecondsErrorProperty());
        clearSecondsError.setId("clearSecondsError");
        VBox computer = section("settings.computer", clipboard, clearSecondsError, hint("settings.clipboard.sentence"), theme);

        Button backup = new Button(Messages.get("settings.backup"), new FontIcon("mdi2d-database-export-outline"));
        backup.setId("backupButton");
        backup.setMinWidth(Region.USE_PREF_SIZE);
        backup.setOnAction(e -> vm.backup());
        Button restore = new Button(Messages.get("settings.restore"), new FontIcon("mdi2d-database-import-outline"));
        restore.setId("restoreButton");
        restore.setMinWidth(Region.USE_PREF_SIZE);
        restore.setOnAction(e -> vm.restore());
        backup.disableProperty().bind(vm.busyProperty());
        restore.disableProperty().bind(vm.busyProperty());
        HBox buttons = new HBox(8, backup, restore, com.keydesk.ui.FormButtons.busyIndicator(vm.busyProperty()));
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("backupStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.backupStatusProperty());
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        Label backupError = Controls.errorLabel(vm.backupErrorProperty());
        backupError.setId("backupError");
        VBox backups = section("settings.backups", hint("settings.backups.sentence"), buttons, status, backupError);

        VBox content = new VBox(24, site, computer, backups);
        // room under the last line for the confirmation that slides in at the window's bottom right,
        // so that "Backed up the store to …" can be scrolled clear of "Backup written"
        content.setPadding(new Insets(20, 20, 20 + CONFIRMATION_ROOM, 20));
        content.setMaxWidth(760);
        // ControlsFX's masker over the page while a backup or restore runs: nothing to change meanwhile
        org.controlsfx.control.MaskerPane masker = new org.controlsfx.control.MaskerPane();
        masker.setId("backupMasker");
        masker.setText(Messages.get("settings.backup.running"));
        masker.visibleProperty().bind(vm.backupRunningProperty());
        setContent(new javafx.scene.layout.StackPane(content, masker));
        // the sentence after a backup or restore is the page's last line: on a 700 px high screen it
        // came below the fold, half cut, and the page is scrolled to show it
        status.textProperty().addListener((o, was, now) -> reveal(status));
        backupError.textProperty().addListener((o, was, now) -> reveal(backupError));
        vm.load();
    }

    /** Scrolls the page, as little as needed, so that {@code node} is whole in view and clear of a confirmation. */
    private void reveal(Node node) {
        if (!node.isVisible() || getContent() == null) {
            return;
        }
        layout();   // the sentence has its height only once laid out
        double content = getContent().getLayoutBounds().getHeight();
        double view = getViewportBounds().getHeight();
        if (content <= view) {
            return;
        }
        javafx.geometry.Bounds at = getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = getVvalue() * (content - view);
        double bottom = at.getMaxY() + CONFIRMATION_ROOM;
        if (bottom > top + view) {
            setVvalue(Math.min(1, (bottom - view) / (content - view)));
        } else if (at.getMinY() < top) {
            setVvalue(Math.max(0, at.getMinY() / (content - view)));
        }
    }

    /** The default permission set of new user keys, with what the chosen set may do. */
    private static Node defaultPermission(SettingsViewModel vm) {
        ComboBox<PermissionSet> choice = new ComboBox<>();
        choice.setId("defaultPermissionChoice");
        choice.getItems().setAll(vm.permissionChoices());
        PermissionText.describeChoices(choice);
        choice.valueProperty().bindBidirectional(vm.defaultPermissionProperty());
        choice.disableProperty().bind(vm.loadedProperty().not().or(vm.busyProperty()));
        Label label = new Label(Messages.get("settings.defaultPermission"));
        label.setLabelFor(choice);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, label, choice);
        row.setAlignment(Pos.CENTER_LEFT);
        Label about = new Label();
        about.setId("defaultPermissionAbout");
        about.setWrapText(true);
        about.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> PermissionText.about(choice.getValue()), choice.valueProperty()));
        VBox box = new VBox(4, row, about, hint("settings.defaultPermission.sentence"));
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    /** The maximum lifetime of keys users make: off, or a number of days, applied with its button. */
    private Node maxLifetime(SettingsViewModel vm) {
        CheckBox limit = new CheckBox(Messages.get("settings.maxLifetime"));
        limit.setId("limitLifetimeCheck");
        limit.selectedProperty().bindBidirectional(vm.limitLifetimeProperty());
        days = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 3650, vm.maxLifetimeDaysProperty().get(), 1);
        days.valueProperty().bindBidirectional(vm.maxLifetimeDaysProperty());
        Spinner<Integer> spinner = new Spinner<>(days);
        spinner.setId("maxLifetimeSpinner");
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        spinner.disableProperty().bind(limit.selectedProperty().not());
        Button apply = new Button(Messages.get("settings.maxLifetime.apply"));
        apply.setId("applyMaxLifetime");
        apply.setMinWidth(Region.USE_PREF_SIZE);
        apply.disableProperty().bind(vm.maxLifetimeChangedProperty().not().or(vm.busyProperty()));
        apply.setOnAction(e -> vm.applyMaxLifetime());
        HBox row = new HBox(10, limit, spinner, new Label(Messages.get("settings.maxLifetime.unit")), apply);
        row.setAlignment(Pos.CENTER_LEFT);
        row.disableProperty().bind(vm.loadedProperty().not());
        VBox box = new VBox(4, row, hint("settings.maxLifetime.sentence"));
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private static VBox section(String titleKey, Node... children) {
        Label title = new Label(Messages.get(titleKey));
        title.getStyleClass().add("title-4");
        VBox box = new VBox(8, title);
        box.getChildren().addAll(children);
        return box;
    }

    private static Label hint(String key) {
        Label label = new Label(Messages.get(key));
        label.getStyleClass().add("hint");
        label.setWrapText(true);
        return label;
    }
}
