package com.keydesk.ui.users;

import com.keydesk.ui.Columns;
import com.keydesk.ui.Controls;
import com.keydesk.domain.User;
import com.keydesk.ui.Messages;
import com.keydesk.ui.NaturalOrder;
import com.keydesk.ui.Refusable;
import com.keydesk.ui.TextCell;
import com.keydesk.ui.WrappingToolbar;
import com.keydesk.ui.RelativeTime;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.transformation.SortedList;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** The users screen: a toolbar over the table of users. */
public final class UsersView extends BorderPane {
    private final UsersViewModel vm;
    private final TableView<User> table = new TableView<>();

    public UsersView(UsersViewModel vm) {
        this.vm = vm;
        setId("usersScreen");
        Button add = Controls.button("addUserButton", "users.add", "mdi2a-account-plus-outline", vm::addUser);
        add.getStyleClass().add("accent");
        Button admin = Controls.button("adminButton", null, "mdi2s-shield-account-outline", vm::toggleAdmin);
        admin.textProperty().bind(vm.adminActionTextProperty());
        Button active = Controls.button("activeButton", null, "mdi2a-account-cancel-outline", vm::toggleActive);
        active.textProperty().bind(vm.activeActionTextProperty());
        Button reset = Controls.button("resetPasswordButton", "users.resetPassword", "mdi2l-lock-reset", vm::resetPassword);
        Button rename = Controls.button("renameButton", "users.rename", "mdi2r-rename-box", vm::rename);
        TextField search = new TextField();
        search.setId("userSearchField");
        search.setPromptText(Messages.get("users.search.prompt"));
        search.setAccessibleText(Messages.get("users.search.prompt"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setPrefColumnCount(14);
        Button refresh = Controls.button("refreshUsersButton", null, "mdi2r-refresh", vm::reload);
        refresh.setTooltip(new Tooltip(Messages.get("keys.refresh")));
        refresh.setAccessibleText(Messages.get("keys.refresh"));
        // wraps onto a second row on a narrow window instead of cutting actions off
        WrappingToolbar toolbar = new WrappingToolbar(List.of(add,
                refusable(admin, vm.mayToggleAdminProperty(), vm.toggleAdminReasonProperty()),
                refusable(active, vm.mayToggleActiveProperty(), vm.toggleActiveReasonProperty()),
                refusable(reset, vm.mayResetPasswordProperty(), vm.resetPasswordReasonProperty()),
                refusable(rename, vm.mayRenameProperty(), vm.renameReasonProperty())), List.of(search, refresh));

        buildTable();
        HBox footer = Controls.countFooter("userCount", vm.countProperty());

        setTop(toolbar);
        setCenter(table);
        setBottom(footer);
        setPadding(new Insets(14));
        // Read each time the screen is shown, the first time and after another section: what was
        // done there (a key made for bob) is counted, and Deactivate does not say "they have no keys".
        sceneProperty().addListener((o, was, scene) -> {
            if (was == null && scene != null) {
                vm.reload();
            }
        });
    }

    private void buildTable() {
        table.setId("userTable");
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(name("users.column.username", u -> u.username()
                + (vm.isMe(u) ? " " + Messages.get("users.you") : ""), 180));
        table.getColumns().add(name("users.column.displayName", u -> u.displayName() == null ? "" : u.displayName(), 200));
        TableColumn<User, String> role = Columns.of("users.column.role", UsersViewModel::roleText, 130);
        role.setCellFactory(TextCell.plain());
        table.getColumns().add(role);
        TableColumn<User, User> status = Columns.of("users.column.status", u -> u, 120);
        status.setSortable(false);
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(User user, boolean empty) {
                super.updateItem(user, empty);
                if (empty || user == null) {
                    setGraphic(null);
                    return;
                }
                Label badge = new Label(UsersViewModel.statusText(user));
                badge.getStyleClass().addAll("badge", user.active() ? "badge-active" : "badge-disabled");
                setGraphic(badge);
            }
        });
        table.getColumns().add(status);
        table.getColumns().add(Columns.of("users.column.keys", User::keyCount, 80));
        TableColumn<User, Instant> created = Columns.of("column.created", User::createdAt, 160);
        created.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant when, boolean empty) {
                super.updateItem(when, empty);
                setText(empty || when == null ? null : RelativeTime.date(when));
                setTooltip(empty || when == null ? null : new Tooltip(RelativeTime.exact(when)));
            }
        });
        table.getColumns().add(created);
        SortedList<User> sorted = new SortedList<>(vm.shownUsers());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label(Messages.get("users.none")));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, user) -> vm.selectedProperty().set(user));
        vm.selectedProperty().addListener((o, a, user) -> {
            if (user != table.getSelectionModel().getSelectedItem()) {
                if (user == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(user);
                }
            }
        });
    }

    /** Sorted as people read names ("demo000013" before "demo001272", case ignored); whole text in a tooltip when cut. */
    private static TableColumn<User, String> name(String titleKey, Function<User, String> value, double width) {
        TableColumn<User, String> column = Columns.of(titleKey, value, width);
        column.setComparator(NaturalOrder.NULLS_LAST);
        column.setCellFactory(TextCell.plain());
        return column;
    }

    /** A refusable action: disabled while the service would refuse it, its sentence shown why. */
    private static Node refusable(Button button, ObservableBooleanValue allowed, StringBinding reason) {
        button.disableProperty().bind(Bindings.not(allowed));
        return Refusable.explained(button, reason);
    }

}
