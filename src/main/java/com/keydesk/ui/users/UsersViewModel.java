package com.keydesk.ui.users;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.User;
import com.keydesk.ui.BackgroundWork;
import com.keydesk.ui.ErrorText;
import javafx.beans.property.ReadOnlyBooleanProperty;
import com.keydesk.ui.Messages;
import com.keydesk.ui.SignedIn;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * The users screen (administrators): the list with role, status and key count; add a user;
 * make or unmake an administrator (making one first lists the keys that gain full site power);
 * deactivate or activate (the confirmation says how many keys stop or start working).
 */
public final class UsersViewModel {
    /** How many of a new administrator's keys the confirmation names before "and N more". */
    static final int KEYS_LISTED = 10;

    private final SignedIn ctx;
    private final UserDialogs userDialogs;
    private final ObservableList<User> users = FXCollections.observableArrayList();
    private final ObjectProperty<User> selected = new SimpleObjectProperty<>();
    private final BackgroundWork work;
    private final BooleanBinding hasSelection = selected.isNotNull();
    private final StringBinding adminActionText;
    private final StringBinding activeActionText;
    private final StringBinding count;

    public UsersViewModel(SignedIn ctx, UserDialogs userDialogs) {
        this.ctx = ctx;
        this.userDialogs = userDialogs;
        this.work = new BackgroundWork(ctx.tasks(), sentence -> { });
        adminActionText = Bindings.createStringBinding(() -> Messages.get(
                selected.get() != null && selected.get().admin() ? "users.demote" : "users.promote"), selected);
        activeActionText = Bindings.createStringBinding(() -> Messages.get(
                selected.get() != null && !selected.get().active() ? "users.activate" : "users.deactivate"), selected);
        count = Bindings.createStringBinding(() -> Messages.format("users.count", users.size()), users);
    }

    public void reload() {
        work.task(() -> ctx.services().users().list(ctx.session())).onSuccess(list -> {
            Long keep = selected.get() == null ? null : selected.get().id();
            users.setAll(list);
            selected.set(keep == null ? null : list.stream().filter(u -> u.id() == keep).findFirst().orElse(null));
        }).onFailure(failure -> showFailure("users.loadFailed", failure)).start();
    }

    public void addUser() {
        AddUserViewModel form = new AddUserViewModel(ctx);
        userDialogs.showAddUser(form);
        if (form.result() != null) {
            reload();
        }
    }

    /** Make or unmake an administrator, whichever the selected user is not. */
    public void toggleAdmin() {
        User user = selected.get();
        if (user == null) {
            return;
        }
        if (user.admin()) {
            if (ctx.dialogs().confirm(Messages.format("users.demote.heading", user.username()),
                    Messages.format("users.demote.sentence", user.username()), Messages.get("users.demote"))) {
                change(() -> ctx.services().users().setAdmin(ctx.session(), user.username(), false), "users.demote.failed");
            }
            return;
        }
        work.task(() -> ctx.services().users().keysGainingFullPower(ctx.session(), user.username())).onSuccess(keys -> {
            if (ctx.dialogs().confirm(Messages.format("users.promote.heading", user.username()),
                    promoteSentence(user, keys), Messages.get("users.promote"))) {
                change(() -> ctx.services().users().setAdmin(ctx.session(), user.username(), true), "users.promote.failed");
            }
        }).onFailure(failure -> showFailure("users.promote.failed", failure)).start();
    }

    /** Names every key that gains full power (up to {@link #KEYS_LISTED}, then how many more). */
    static String promoteSentence(User user, List<ApiKey> keys) {
        if (keys.isEmpty()) {
            return Messages.format("users.promote.noKeys", user.username());
        }
        StringBuilder lines = new StringBuilder();
        keys.stream().limit(KEYS_LISTED).forEach(k -> lines.append('\n').append(Messages.format("users.promote.keyLine",
                k.name(), k.descriptiveLabel(), k.permissionSet().wireName())));
        if (keys.size() > KEYS_LISTED) {
            lines.append('\n').append(Messages.format("users.promote.more", keys.size() - KEYS_LISTED));
        }
        return Messages.format("users.promote.sentence", user.username(), keys.size()) + lines;
    }

    /** Deactivate or activate, whichever the selected user is not; the sentence counts their keys. */
    public void toggleActive() {
        User user = selected.get();
        if (user == null) {
            return;
        }
        boolean activate = !user.active();
        String prefix = activate ? "users.activate" : "users.deactivate";
        if (ctx.dialogs().confirm(Messages.format(prefix + ".heading", user.username()),
                Messages.format(prefix + ".sentence", user.username(), user.keyCount()), Messages.get(prefix))) {
            change(() -> ctx.services().users().setActive(ctx.session(), user.username(), activate), prefix + ".failed");
        }
    }

    private void change(Callable<User> call, String failedHeading) {
        work.task(call).onSuccess(changed -> reload()).onFailure(failure -> {
            reload();
            showFailure(failedHeading, failure);
        }).start();
    }

    private void showFailure(String headingKey, Throwable failure) {
        ctx.dialogs().showError(Messages.get(headingKey), ErrorText.sentence(failure),
                ErrorText.isExpected(failure) ? null : failure);
    }

    public static String roleText(User user) {
        return Messages.get(user.admin() ? "users.role.admin" : "users.role.user");
    }

    public static String statusText(User user) {
        return Messages.get(user.active() ? "users.status.active" : "users.status.inactive");
    }

    /** True for the signed-in person's own row. */
    public boolean isMe(User user) {
        return user != null && user.id() == ctx.session().userId();
    }

    public ObservableList<User> users() { return users; }
    public ObjectProperty<User> selectedProperty() { return selected; }
    public ReadOnlyBooleanProperty busyProperty() { return work.runningProperty(); }
    public BooleanBinding hasSelectionProperty() { return hasSelection; }
    public StringBinding adminActionTextProperty() { return adminActionText; }
    public StringBinding activeActionTextProperty() { return activeActionText; }
    public StringBinding countProperty() { return count; }
}
