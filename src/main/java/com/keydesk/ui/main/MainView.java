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
        setLeft(navigation);
        setBottom(statusBar());
        vm.sections().addListener((ListChangeListener<Section>) c -> rebuildNavigation());
        vm.currentProperty().addListener((o, a, section) -> show(section));
        rebuildNavigation();
        show(vm.currentProperty().get());
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (getCenter() instanceof KeyTableView keys) {
                keys.handleShortcut(e);
            }
        });
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
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private void rebuildNavigation() {
        navigation.getChildren().clear();
        navGroup.getToggles().clear();
        for (Section section : vm.sections()) {
            ToggleButton button = new ToggleButton(section.text(), new FontIcon(section.icon()));
            button.setId("nav-" + section.name());
            button.setToggleGroup(navGroup);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setSelected(section == vm.currentProperty().get());
            button.setOnAction(e -> {
                button.setSelected(true);
                vm.currentProperty().set(section);
            });
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
        if (screen instanceof KeyTableView keys) {
            javafx.application.Platform.runLater(keys::focusTable);
        }
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
