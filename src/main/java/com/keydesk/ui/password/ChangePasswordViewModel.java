package com.keydesk.ui.password;

import com.keydesk.domain.AuthenticationException;
import com.keydesk.domain.ValidationException;
import com.keydesk.ui.BackgroundWork;
import com.keydesk.ui.ErrorText;
import com.keydesk.ui.Messages;
import com.keydesk.ui.SignedIn;
import com.keydesk.ui.start.NewPassword;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Change own password (everyone): the current one, the new one twice ({@link NewPassword}, as
 * setup and add user ask for it). A wrong current password is said beside that field; the
 * service's rule for the new one beside the new one. Every field is emptied after each attempt
 * that reached the service.
 */
public final class ChangePasswordViewModel {
    private final SignedIn ctx;
    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty currentError = new SimpleStringProperty("");
    private final StringProperty formError = new SimpleStringProperty("");
    private final NewPassword replacement;
    private final BackgroundWork work;
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canChange;

    public ChangePasswordViewModel(SignedIn ctx) {
        this.ctx = ctx;
        this.work = new BackgroundWork(ctx.tasks(), formError::set);
        current.addListener((o, a, b) -> currentError.set(""));
        replacement = new NewPassword(ctx.tasks());
        canChange = Bindings.createBooleanBinding(() -> !work.isRunning() && !current.get().isEmpty() && replacement.agrees(),
                replacement.dependencies(work.runningProperty(), current));
    }

    public void change() {
        if (!canChange.get()) {
            return;
        }
        formError.set("");
        char[] old = current.get().toCharArray();
        char[] chosen = replacement.copy();
        work.action(() -> ctx.services().users().changeOwnPassword(ctx.session(), old, chosen)).onSuccess(done -> {
            clearFields();
            changed.set(true);
            ctx.dialogs().showInformation(Messages.get("password.done.heading"), Messages.get("password.done.sentence"));
        }).onFailure(failure -> {
            if (failure instanceof AuthenticationException) {
                current.set("");
                currentError.set(ErrorText.sentence(failure));
            } else if (failure instanceof ValidationException invalid && "password".equals(invalid.field())) {
                replacement.clear();
                replacement.errorProperty().set(invalid.getMessage());
            } else {
                clearFields();
                formError.set(ErrorText.sentence(failure));
            }
        }).start();
    }

    private void clearFields() {
        current.set("");
        replacement.clear();
    }

    public StringProperty currentProperty() { return current; }
    public StringProperty currentErrorProperty() { return currentError; }
    /** The new password, typed twice, and the sentences beside it. */
    public NewPassword newPassword() { return replacement; }
    public StringProperty formErrorProperty() { return formError; }
    public ReadOnlyBooleanProperty busyProperty() { return work.runningProperty(); }
    public BooleanBinding canChangeProperty() { return canChange; }
    public ReadOnlyBooleanProperty changedProperty() { return changed.getReadOnlyProperty(); }
}
