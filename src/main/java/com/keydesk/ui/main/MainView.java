package com.keydesk.ui.main;

import com.keydesk.ui.Messages;
import com.keydesk.ui.keys.KeyScope;
import com.keydesk.ui.keys.KeyTableView;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/** The signed-in window: header, navigation, the current screen, status bar. */
public final class MainView extends BorderPane {
    private final MainViewModel vm;
    private final Function<Section, Node> otherScreens;
    private final Map<Section, Node> screens = new EnumMap<>(Section.class);
    private final VBox navigation = new VBox(4);
    private final ToggleGroup navGroup = new ToggleGroup();
    /** The control that had the focus when the first of the dialogs now open opened. */
    private Node focusBeforeDialog;
    /** The section changes because an arrow key moved through the sidebar: the focus stays there. */
    private boolean arrowInSidebar;

    /**
     * @param otherScreens builds the screens that are not key tables (users, settings, audit)
     * @param userMenuExtras extra items for the user menu (e.g. change password), before Sign out
     */
    public MainView(MainViewModel vm, Function<Section, Node> otherScreens, MenuItem... userMenuExtras) {
        this.vm = vm;
        this.otherScreens = otherScreens;
        setTop(header(userMenuExtras));
        navigation.getStyleClass().add("sidebar");
        navigation.setId("navigation");
        navigation.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode().isArrowKey()) {
                arrowInSidebar = true;
                javafx.application.Platform.runLater(() -> arrowInSidebar = false);
            }
        });
        setLeft(navigation);
        setBottom(statusBar());
        vm.sections().addListener((ListChangeListener<Section>) c -> rebuildNavigation());
        vm.currentProperty().addListener((o, a, section) -> show(section));
        rebuildNavigation();
        show(vm.currentProperty().get());
        returnFocusAfterDialogs();
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (sectionShortcut(e)) {
                return;
            }
            if (getCenter() instanceof KeyTableView keys) {
                keys.handleShortcut(e);
            }
        });
        // Arrow keys move the selection within the toggle group without firing the button: the
        // page follows the selection, so the marked section is always the one shown.
        navGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null && navGroup.getToggles().contains(was)) {
                was.setSelected(true);   // the shown section stays marked: a click on it does not unmark it
            } else if (now != null && now.getUserData() instanceof Section section) {
                vm.currentProperty().set(section);
            }
        });
    }

    /**
     * When a dialog closes, the control that opened it may be gone or disabled (Revoke, once the key
     * is revoked): the focus then goes to the screen's table, so a keyboard user carries on from there.
     */
    private void returnFocusAfterDialogs() {
        javafx.collections.ListChangeListener<javafx.stage.Window> dialogs = change -> {
            while (change.next()) {
                for (javafx.stage.Window w : change.getAddedSubList()) {
                    if (isDialog(w) && focusBeforeDialog == null) {
                        focusBeforeDialog = getScene().getFocusOwner();
                    }
                }
                if (change.getRemoved().stream().anyMatch(this::isDialog)) {
                    javafx.application.Platform.runLater(this::focusSensibleControl);
                }
            }
        };
        // tied to the time this view is in a window: a signed-out view stops listening
        sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) {
                javafx.stage.Window.getWindows().removeListener(dialogs);
            } else if (was == null) {
                javafx.stage.Window.getWindows().addListener(dialogs);
            }
        });
    }

    /** A window of its own over this one (a dialog, an alert), not a menu or tooltip. */
    private boolean isDialog(javafx.stage.Window window) {
        return !(window instanceof javafx.stage.PopupWindow) && getScene() != null && window != getScene().getWindow();
    }

    private void focusSensibleControl() {
        if (getScene() == null || getCenter() == null
                || javafx.stage.Window.getWindows().stream().anyMatch(w -> isDialog(w) && w.isShowing())) {
            return;   // a dialog follows the one that closed (New key, then Copy now): wait for the last
        }
        Node before = focusBeforeDialog;
        focusBeforeDialog = null;
        // JavaFX hands the focus of a control that became disabled to the next one (the search field
        // after Revoke): what counts is the control the person was on when the dialog opened.
        if (before != null && !before.isDisabled() && isInside(before)) {
            if (getScene().getFocusOwner() != before) {
                before.requestFocus();
            }
            return;
        }
        if (getCenter() instanceof KeyTableView keys) {
            keys.focusTable();
        } else if (getCenter().lookup(".table-view") instanceof Node table && table.isVisible()) {
            table.requestFocus();
        } else if (navGroup.getSelectedToggle() instanceof ToggleButton button) {
            button.requestFocus();
        }
    }

    private boolean isInside(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == this) {
                return true;
            }
            if (!n.isVisible()) {
                return false;
            }
        }
        return false;
    }

    /** Ctrl+1 to Ctrl+9 open the sections in the order the sidebar lists them. */
    private boolean sectionShortcut(javafx.scene.input.KeyEvent e) {
        if (!e.isShortcutDown() || e.isAltDown() || e.isShiftDown() || !e.getCode().isDigitKey()) {
            return false;
        }
        int index = e.getCode().getCode() - (e.getCode().isKeypadKey() ? KeyCode.NUMPAD1.getCode() : KeyCode.DIGIT1.getCode());
        if (index < 0 || index >= vm.sections().size()) {
            return false;
        }
        e.consume();
        vm.currentProperty().set(vm.sections().get(index));
        return true;
    }

    private Node header(MenuItem... extras) {
        Label site = new Label();
        site.setId("siteName");
        site.getStyleClass().add("title-4");
        site.textProperty().bind(vm.siteNameProperty());
        FontIcon logo = new FontIcon("mdi2k-key-chain-variant");
        logo.getStyleClass().add("logo-icon");

        Label user = new Label();
        user.setId("signedInUser");
        user.textProperty().bind(Bindings.createStringBinding(() -> Messages.format(
                vm.adminProperty().get() ? "main.signedInAdmin" : "main.signedIn", vm.username()), vm.adminProperty()));
        MenuItem signOut = new MenuItem(Messages.get("main.signOut"));
        signOut.setId("signOutItem");
        signOut.setOnAction(e -> vm.signOut());
        MenuButton menu = new MenuButton(null, new FontIcon("mdi2a-account-circle"));
        menu.setId("userMenu");
        menu.setAccessibleText(Messages.format("main.userMenu", vm.username()));
        menu.setTooltip(new javafx.scene.control.Tooltip(menu.getAccessibleText()));
        menu.getItems().addAll(extras);
        menu.getItems().add(signOut);
        Button signOutButton = new Button(Messages.get("main.signOut"), new FontIcon("mdi2l-logout"));
        signOutButton.setId("signOutButton");
        signOutButton.setOnAction(e -> vm.signOut());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, logo, site, spacer, storeMenu(), user, menu, signOutButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));

        return new VBox(bar, troubleBanner(), expiringNotice());
    }

    /**
     * Keys about to expire: how many, "Show them" and a close button. AtlantaFX's Message, not
     * ControlsFX's NotificationPane: that one lays its bar over the top of the screen (hiding the
     * key toolbar while it shows) and draws it without a background under AtlantaFX.
     */
    private Node expiringNotice() {
        Hyperlink show = new Hyperlink(Messages.get("main.banner.show"));
        show.setOnAction(e -> vm.showExpiring());
        Label text = new Label();
        text.setId("expiringBannerText");
        text.textProperty().bind(vm.bannerProperty());
        HBox line = new HBox(8, text, show);
        line.setAlignment(Pos.CENTER_LEFT);
        atlantafx.base.controls.Message notice = new atlantafx.base.controls.Message();
        notice.setId("expiringBanner");
        notice.getStyleClass().add(atlantafx.base.theme.Styles.WARNING);
        notice.setGraphic(new HBox(10, new FontIcon("mdi2c-clock-alert-outline"), line));
        notice.setOnClose(e -> vm.dismissBanner());
        notice.visibleProperty().bind(vm.bannerProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        VBox.setMargin(notice, new Insets(0, 12, 6, 12));
        return notice;
    }

    /** Which store is open, and the ways to a team store. */
    private Node storeMenu() {
        MenuItem open = new MenuItem(Messages.get("teamStore.open.menu"), new FontIcon("mdi2d-database-arrow-right"));
        open.setId("openTeamStoreItem");
        open.setOnAction(e -> vm.openTeamStore());
        MenuItem move = new MenuItem(Messages.get("teamStore.move.menu"), new FontIcon("mdi2d-database-export-outline"));
        move.setId("moveToTeamStoreItem");
        move.setOnAction(e -> vm.moveToTeamStore());
        move.visibleProperty().bind(vm.mayMoveToTeamStoreProperty());
        MenuItem local = new MenuItem(Messages.get("teamStore.local.menu"), new FontIcon("mdi2l-laptop"));
        local.setId("openLocalStoreItem");
        local.setOnAction(e -> vm.openLocalStore());
        local.setVisible(vm.onTeamStore());
        MenuButton store = new MenuButton(null, new FontIcon(vm.onTeamStore() ? "mdi2d-database-sync-outline"
                : "mdi2d-database-outline"));
        store.setId("storeMenu");
        store.setTooltip(new javafx.scene.control.Tooltip(Messages.format("main.store", vm.storeLocation())));
        store.setAccessibleText(Messages.format("main.storeMenu", vm.storeLocation()));
        store.getItems().addAll(open, local, move);
        return store;
    }

    /** While the team store cannot be reached: one sentence, in the window's own colours for trouble. */
    private Node troubleBanner() {
        Label text = new Label();
        text.setId("storeTrouble");
        text.setWrapText(true);
        text.textProperty().bind(vm.storeTroubleProperty());
        HBox banner = new HBox(8, new FontIcon("mdi2l-lan-disconnect"), text);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().addAll("banner", "trouble-banner");
        banner.visibleProperty().bind(vm.storeTroubleProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Node statusBar() {
        Label location = new Label(Messages.format(vm.onTeamStore() ? "main.teamStore" : "main.store",
                vm.storeLocation()), new FontIcon(vm.onTeamStore() ? "mdi2d-database-sync-outline" : "mdi2d-database-outline"));
        location.setId("storeLocation");
        location.getStyleClass().add("hint");
        Label state = new Label();
        state.setId("storeState");
        state.getStyleClass().add("hint");
        state.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> !vm.onTeamStore() ? ""
                : vm.storeTroubleProperty().get().isEmpty() ? Messages.get("main.teamStore.live")
                : Messages.get("main.teamStore.retrying"), vm.storeTroubleProperty()));
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        bar.setText("");
        bar.getLeftItems().add(location);
        bar.getRightItems().add(state);
        // ControlsFX's statusbar.css paints with Modena's -fx-body-color, which AtlantaFX lacks, and its
        // rule outranks the scene's stylesheet: inline, the theme's colour wins and nothing is logged
        bar.setStyle("-fx-body-color: -color-bg-default; -fx-background-color: -color-bg-default;");
        return bar;
    }

    private void rebuildNavigation() {
        navigation.getChildren().clear();
        navGroup.getToggles().clear();
        int number = 0;
        for (Section section : vm.sections()) {
            number++;
            ToggleButton button = new ToggleButton(section.text(), new FontIcon(section.icon()));
            button.setId("nav-" + section.name());
            button.setUserData(section);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setSelected(section == vm.currentProperty().get());
            button.setToggleGroup(navGroup);
            if (number <= 9) {
                button.setTooltip(new javafx.scene.control.Tooltip(Messages.format("nav.shortcut", section.text(),
                        new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(number)), KeyCombination.SHORTCUT_DOWN)
                                .getDisplayText())));
            }
            navigation.getChildren().add(button);
        }
    }

    private void show(Section section) {
        if (section == null) {
            setCenter(null);
            return;
        }
        navGroup.getToggles().forEach(t -> t.setSelected(((ToggleButton) t).getId().equals("nav-" + section.name())));
        Node screen = screens.computeIfAbsent(section, this::build);
        setCenter(screen);
        if (screen instanceof KeyTableView keys && !arrowInSidebar) {
            javafx.application.Platform.runLater(keys::focusTable);
        }
        arrowInSidebar = false;
    }

    private Node build(Section section) {
        return switch (section) {
            case SITE_KEYS -> new KeyTableView(vm.keyTable(KeyScope.SITE_KEYS));
            case USER_KEYS -> new KeyTableView(vm.keyTable(KeyScope.USER_KEYS));
            case MY_KEYS -> new KeyTableView(vm.keyTable(KeyScope.MY_KEYS));
            default -> otherScreens.apply(section);
        };
    }
}
