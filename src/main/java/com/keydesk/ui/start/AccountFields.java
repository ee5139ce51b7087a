package com.keydesk.ui.start;

import com.keydesk.domain.ValidationException;
import com.keydesk.service.InputRules;
import com.keydesk.ui.TaskRunner;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A new account's username, display name and password, as setup (the first administrator) and
 * add user ask for them. Username and display name are checked as the person types with the
 * service's own rules ({@link InputRules}); the password as {@link NewPassword} says. The service
 * checks everything again and {@link #show} puts its sentence beside the field it names.
 */
public final class AccountFields {
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty usernameError = new SimpleStringProperty("");
    private final StringProperty displayNameError = new SimpleStringProperty("");
    private final NewPassword password;

    public AccountFields(TaskRunner tasks) {
        username.addListener((o, a, b) -> usernameError.set(InputRules.usernameProblem(b).orElse("")));
        displayName.addListener((o, a, b) -> displayNameError.set(InputRules.displayNameProblem(b).orElse("")));
        password = new NewPassword(tasks);
    }

    /** Every field passes the rules a form can check, and the password is typed the same twice. */
    public boolean acceptable() {
        return InputRules.usernameProblem(username.get()).isEmpty() && displayNameError.get().isEmpty()
                && password.agrees();
    }

    /** What {@link #acceptable} reads, and {@code also} what the form's own condition reads: its "may submit" binding's dependencies. */
    public Observable[] dependencies(Observable... also) {
        Observable[] mine = {username, displayNameError};
        return password.dependencies(java.util.stream.Stream.concat(java.util.Arrays.stream(mine),
                java.util.Arrays.stream(also)).toArray(Observable[]::new));
    }

    /** Puts the service's sentence beside the field it names; false when it names none of these. */
    public boolean show(ValidationException invalid) {
        StringProperty target = switch (invalid.field() == null ? "" : invalid.field()) {
            case "username" -> usernameError;
            case "displayName" -> displayNameError;
            case "password" -> password.errorProperty();
            default -> null;
        };
        if (target == null) {
            return false;
        }
        target.set(invalid.getMessage());
        return true;
    }

    public StringProperty usernameProperty() { return username; }
    public StringProperty displayNameProperty() { return displayName; }
    public StringProperty usernameErrorProperty() { return usernameError; }
    public StringProperty displayNameErrorProperty() { return displayNameError; }
    public NewPassword password() { return password; }
}
