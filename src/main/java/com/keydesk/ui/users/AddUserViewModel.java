package com.keydesk.ui.users;

import com.keydesk.domain.User;
import com.keydesk.domain.ValidationException;
import com.keydesk.ui.BackgroundWork;
import com.keydesk.ui.ErrorText;
import com.keydesk.ui.SignedIn;
import com.keydesk.ui.start.AccountFields;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The add-user form: an account's fields as setup asks for them ({@link AccountFields}: checked
 * as the person types with the service's rules, the service's sentence beside the field it
 * names), and whether the new user is an administrator.
 */
public final class AddUserViewModel {
    private final SignedIn ctx;
    private final AccountFields account;
    private final BooleanProperty admin = new SimpleBooleanProperty(false);
    private final StringProperty formError = new SimpleStringProperty("");
    private final BackgroundWork work;
    private final ReadOnlyBooleanWrapper added = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canAdd;
    private User result;

    public AddUserViewModel(SignedIn ctx) {
        this.ctx = ctx;
        this.work = new BackgroundWork(ctx.tasks(), formError::set);
        account = new AccountFields(ctx.tasks());
        canAdd = Bindings.createBooleanBinding(() -> !work.isRunning() && account.acceptable(),
                account.dependencies(work.runningProperty()));
    }

    public void add() {
        if (!canAdd.get()) {
            return;
        }
        formError.set("");
        String name = account.usernameProperty().get();
        String display = account.displayNameProperty().get();
        boolean makeAdmin = admin.get();
        char[] secret = account.password().copy();
        work.task(() -> ctx.services().users().add(ctx.session(), name, display, makeAdmin, secret)).onSuccess(user -> {
            account.password().clear();
            result = user;
            added.set(true);
        }).onFailure(failure -> {
            if (failure instanceof ValidationException invalid) {
                if (!account.show(invalid)) {
                    formError.set(invalid.getMessage());
                }
                return;
            }
            formError.set(ErrorText.sentence(failure));
        }).start();
    }

    /** The user just added, or null. */
    public User result() { return result; }
    public BooleanProperty adminProperty() { return admin; }
    /** The new account's fields: what is typed, and the sentences beside each. */
    public AccountFields account() { return account; }
    public StringProperty formErrorProperty() { return formError; }
    public ReadOnlyBooleanProperty busyProperty() { return work.runningProperty(); }
    public BooleanBinding canAddProperty() { return canAdd; }
    public ReadOnlyBooleanProperty addedProperty() { return added.getReadOnlyProperty(); }
}
