package com.keydesk.ui.users;

import com.keydesk.domain.User;
import com.keydesk.domain.ValidationException;
import com.keydesk.service.InputRules;
import com.keydesk.ui.BackgroundWork;
import com.keydesk.ui.ErrorText;
import com.keydesk.ui.Messages;
import com.keydesk.ui.SignedIn;
import com.keydesk.ui.start.PasswordStrength;
import com.keydesk.ui.start.PasswordStrengthHint;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The add-user form. Username and display name are checked as the person types with the
 * service's own rules ({@link InputRules}); the password gets a strength hint. The service checks
 * everything again and its sentence lands beside the field it names.
 */
public final class AddUserViewModel {
    private final SignedIn ctx;
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final BooleanProperty admin = new SimpleBooleanProperty(false);
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final StringProperty usernameError = new SimpleStringProperty("");
    private final StringProperty displayNameError = new SimpleStringProperty("");
    private final StringProperty passwordError = new SimpleStringProperty("");
    private final StringProperty formError = new SimpleStringProperty("");
    private final BackgroundWork work;
    private final ReadOnlyBooleanWrapper added = new ReadOnlyBooleanWrapper(false);
    private final PasswordStrengthHint strength;
    private final StringBinding repeatError;
    private final BooleanBinding canAdd;
    private User result;

    public AddUserViewModel(SignedIn ctx) {
        this.ctx = ctx;
        this.work = new BackgroundWork(ctx.tasks(), formError::set);
        username.addListener((o, a, b) -> usernameError.set(InputRules.usernameProblem(b).orElse("")));
        displayName.addListener((o, a, b) -> displayNameError.set(InputRules.displayNameProblem(b).orElse("")));
        password.addListener((o, a, b) -> passwordError.set(""));
        strength = new PasswordStrengthHint(password, ctx.tasks());
        repeatError = Bindings.createStringBinding(() -> !repeat.get().isEmpty() && !repeat.get().equals(password.get())
                ? Messages.get("setup.error.repeat") : "", password, repeat);
        canAdd = Bindings.createBooleanBinding(() -> !work.isRunning()
                && InputRules.usernameProblem(username.get()).isEmpty()
                && displayNameError.get().isEmpty()
                && passwordAcceptable(password.get())
                && password.get().equals(repeat.get()),
                work.runningProperty(), username, displayNameError, password, repeat);
    }

    /** The service's password rule on a copy that is wiped at once: no keystroke leaves one behind. */
    private static boolean passwordAcceptable(String typed) {
        char[] copy = typed.toCharArray();
        try {
            return InputRules.passwordProblem(copy).isEmpty();
        } finally {
            java.util.Arrays.fill(copy, '\0');
        }
    }

    public void add() {
        if (!canAdd.get()) {
            return;
        }
        formError.set("");
        String name = username.get();
        String display = displayName.get();
        boolean makeAdmin = admin.get();
        char[] secret = password.get().toCharArray();
        work.task(() -> ctx.services().users().add(ctx.session(), name, display, makeAdmin, secret)).onSuccess(user -> {
            password.set("");
            repeat.set("");
            result = user;
            added.set(true);
        }).onFailure(failure -> {
            if (failure instanceof ValidationException invalid) {
                switch (invalid.field() == null ? "" : invalid.field()) {
                    case "username" -> usernameError.set(invalid.getMessage());
                    case "displayName" -> displayNameError.set(invalid.getMessage());
                    case "password" -> passwordError.set(invalid.getMessage());
                    default -> formError.set(invalid.getMessage());
                }
                return;
            }
            formError.set(ErrorText.sentence(failure));
        }).start();
    }

    /** The user just added, or null. */
    public User result() { return result; }
    public StringProperty usernameProperty() { return username; }
    public StringProperty displayNameProperty() { return displayName; }
    public BooleanProperty adminProperty() { return admin; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty repeatProperty() { return repeat; }
    public StringProperty usernameErrorProperty() { return usernameError; }
    public StringProperty displayNameErrorProperty() { return displayNameError; }
    public StringProperty passwordErrorProperty() { return passwordError; }
    public StringProperty formErrorProperty() { return formError; }
    public StringBinding repeatErrorProperty() { return repeatError; }
    public ReadOnlyStringProperty strengthProperty() { return strength.textProperty(); }
    public ReadOnlyObjectProperty<PasswordStrength.Rating> strengthRatingProperty() { return strength.ratingProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return work.runningProperty(); }
    public BooleanBinding canAddProperty() { return canAdd; }
    public ReadOnlyBooleanProperty addedProperty() { return added.getReadOnlyProperty(); }
}
