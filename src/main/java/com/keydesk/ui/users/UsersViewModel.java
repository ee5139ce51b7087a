package com.keydesk.ui.users;

import com.keydesk.domain.Allowed;
import com.keydesk.domain.ApiKey;
import com.keydesk.domain.User;
import com.keydesk.domain.UserActionsAllowed;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.concurrent.Callable;

/**
 * The users screen (administrators): the list with role, status and key count; add a user;
 * make or unmake an administrator (making one first lists the keys that gain full site power);
 * deactivate or activate (the confirmation says how many keys stop or start working); reset a
 * password; change a display name; search. What the selected user may have done to them is asked
 * of the service ({@code allowedActions}), so an action it would refuse is disabled with its sentence.
 */
public final class UsersViewModel {
    /** How many of a new administrator's keys the confirmation names before "and N more". */
    static final int KEYS_LISTED = 10;

    private final SignedIn ctx;
    private final UserDialogs userDialogs;
    private final ObservableList<User> users = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final FilteredList<User> shown = new FilteredList<>(users);
    /** The service's answer for the selected user; "choose a user" while none is. */
    private final ObjectProperty<UserActionsAllowed> allowed = new SimpleObjectProperty<>(
            UserActionsAllowed.none(Messages.get("users.chooseFirst")));
    private final ObjectProperty<User> selected = new SimpleObjectProperty<>();
    /** Each action: allowed by the service's answer and nothing running; and why not, in its words. */
    private final BooleanBinding mayToggleAdmin;
    private final StringBinding toggleAdminReason;
    private final BooleanBinding mayToggleActive;
    private final StringBinding toggleActiveReason;
    private final BooleanBinding mayResetPassword;
    private final StringBinding resetPasswordReason;
    private final BooleanBinding mayRename;
    private final StringBinding renameReason;
    private final BackgroundWork work;
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
        count = Bindings.createStringBinding(() -> shown.size() == users.size()
                ? Messages.format("users.count", users.size())
                : Messages.format("users.countShown", shown.size(), users.size()), users, shown);
        search.addListener((o, a, text) -> shown.setPredicate(matching(text)));
        selected.addListener((o, a, user) -> askAllowed(user));
        mayToggleAdmin = may(UserActionsAllowed::role);
        toggleAdminReason = why(UserActionsAllowed::role);
        mayToggleActive = may(UserActionsAllowed::activation);
        toggleActiveReason = why(UserActionsAllowed::activation);
        mayResetPassword = may(UserActionsAllowed::resetPassword);
        resetPasswordReason = why(UserActionsAllowed::resetPassword);
        mayRename = may(UserActionsAllowed::rename);
        renameReason = why(UserActionsAllowed::rename);
    }

    /** Username or display name containing the text, case ignored. */
    private static java.util.function.Predicate<User> matching(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return wanted.isEmpty() ? null : user -> user.username().toLowerCase(Locale.ROOT).contains(wanted)
                || (user.displayName() != null && user.displayName().toLowerCase(Locale.ROOT).contains(wanted));
    }

    /** Asks the service what may be done to this user; until it answers, nothing is offered. */
    private void askAllowed(User user) {
        allowed.set(UserActionsAllowed.none(Messages.get(user == null ? "users.chooseFirst" : "users.asking")));
        if (user == null) {
            return;
        }
        // a late answer (or failure) for a user no longer selected must not decide for the one who is
        ctx.tasks().run(() -> ctx.services().users().allowedActions(ctx.session(), user.username()), answer -> {
            if (stillSelected(user)) {
                allowed.set(answer);
            }
        }, failure -> {
            if (stillSelected(user)) {
                allowed.set(UserActionsAllowed.none(ErrorText.sentence(failure)));
            }
        });
    }

    private boolean stillSelected(User user) {
        return selected.get() != null && selected.get().id() == user.id();
    }

    public void reload() {
        work.task(() -> ctx.services().users().list(ctx.session())).onSuccess(list -> {
            User before = selected.get();
            users.setAll(list);
            User now = before == null ? null : list.stream().filter(u -> u.id() == before.id()).findFirst().orElse(null);
            selected.set(now);
            // a changed user was asked about by the selection's listener; an unchanged one (no event)
            // is asked here, since what may be done to them can change with others (the last administrator)
            if (java.util.Objects.equals(before, now)) {
                askAllowed(now);
            }
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
        if (user == null || allowed.get().role().refused()) {
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
        if (user == null || allowed.get().activation().refused()) {
            return;
        }
        boolean activate = !user.active();
        String prefix = activate ? "users.activate" : "users.deactivate";
        if (ctx.dialogs().confirm(Messages.format(prefix + ".heading", user.username()),
                Messages.format(prefix + ".sentence", user.username(), user.keyCount()), Messages.get(prefix))) {
            change(() -> ctx.services().users().setActive(ctx.session(), user.username(), activate), prefix + ".failed");
        }
    }

    /** An administrator sets a temporary password; the user must choose their own at the next sign-in. */
    public void resetPassword() {
        User user = selected.get();
        if (user == null || allowed.get().resetPassword().refused()) {
            return;
        }
        char[] temporary = userDialogs.askTemporaryPassword(user.username());
        if (temporary == null) {
            return;
        }
        work.task(() -> ctx.services().users().resetPassword(ctx.session(), user.username(), temporary))
                .onSuccess(changed -> {
                    reload();
                    ctx.dialogs().showInformation(Messages.format("users.reset.done.heading", user.username()),
                            Messages.format("users.reset.done.sentence", user.username()));
                }).onFailure(failure -> {
                    reload();
                    showFailure("users.reset.failed", failure);
                }).start();
    }

    /** Changes the selected user's display name (empty removes it). */
    public void rename() {
        User user = selected.get();
        if (user == null || allowed.get().rename().refused()) {
            return;
        }
        String name = userDialogs.askDisplayName(user.username(), user.displayName());
        if (name != null) {
            change(() -> ctx.services().users().rename(ctx.session(), user.username(), name), "users.rename.failed");
        }
    }

    private void change(Callable<User> call, String failedHeading) {
        work.task(call).onSuccess(changed -> reload()).onFailure(failure -> {
            reload();
            showFailure(failedHeading, failure);
        }).start();
    }

    private void showFailure(String headingKey, Throwable failure) {
        ctx.dialogs().showFailure(Messages.get(headingKey), failure);
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

    /** An action's enabled state: allowed by the service and nothing running. */
    private BooleanBinding may(Function<UserActionsAllowed, Allowed> action) {
        return Bindings.createBooleanBinding(() -> action.apply(allowed.get()).allowed() && !work.isRunning(),
                allowed, work.runningProperty());
    }

    /** Why an action is disabled, in the service's words; empty while it is allowed. */
    private StringBinding why(Function<UserActionsAllowed, Allowed> action) {
        return Bindings.createStringBinding(() -> {
            Allowed answer = action.apply(allowed.get());
            return answer.allowed() ? "" : answer.reason();
        }, allowed);
    }

    public BooleanBinding mayToggleAdminProperty() { return mayToggleAdmin; }
    public StringBinding toggleAdminReasonProperty() { return toggleAdminReason; }
    public BooleanBinding mayToggleActiveProperty() { return mayToggleActive; }
    public StringBinding toggleActiveReasonProperty() { return toggleActiveReason; }
    public BooleanBinding mayResetPasswordProperty() { return mayResetPassword; }
    public StringBinding resetPasswordReasonProperty() { return resetPasswordReason; }
    public BooleanBinding mayRenameProperty() { return mayRename; }
    public StringBinding renameReasonProperty() { return renameReason; }
    public StringProperty searchProperty() { return search; }
    /** The users the search lets through, for the table. */
    public ObservableList<User> shownUsers() { return shown; }
    public ObservableList<User> users() { return users; }
    public ObjectProperty<User> selectedProperty() { return selected; }
    public ReadOnlyBooleanProperty busyProperty() { return work.runningProperty(); }
    public StringBinding adminActionTextProperty() { return adminActionText; }
    public StringBinding activeActionTextProperty() { return activeActionText; }
    public StringBinding countProperty() { return count; }
}
