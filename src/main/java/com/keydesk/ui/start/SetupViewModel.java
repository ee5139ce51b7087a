package com.keydesk.ui.start;

import com.keydesk.domain.ValidationException;
import com.keydesk.service.Session;
import com.keydesk.ui.ErrorText;
import com.keydesk.ui.Messages;
import com.keydesk.ui.BackgroundWork;
import com.keydesk.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Consumer;

/** First start: the site's name and its first administrator; creates the store and signs in. */
public final class SetupViewModel {
    /** Creates the store and the site; returns the new administrator's session. Slow: runs in the background. */
    public interface Initialiser {
        Session initialise(String siteName, String adminUsername, String displayName, char[] password);
    }

    private final Initialiser initialiser;
    private final TaskRunner tasks;
    private final Consumer<Session> onSignedIn;
    private final StringProperty siteName = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty displayNameError = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final StringProperty siteError = new SimpleStringProperty("");
    private final StringProperty usernameError = new SimpleStringProperty("");
    private final StringProperty passwordError = new SimpleStringProperty("");
    private final StringProperty formError = new SimpleStringProperty("");
    private final BackgroundWork work;
    private final PasswordStrengthHint strength;
    private final StringBinding repeatError;
    private final BooleanBinding canCreate;

    public SetupViewModel(Initialiser initialiser, TaskRunner tasks, Consumer<Session> onSignedIn) {
        this.initialiser = initialiser;
        this.tasks = tasks;
        this.onSignedIn = onSignedIn;
        this.work = new BackgroundWork(tasks, formError::set);
        strength = new PasswordStrengthHint(password, tasks);
        repeatError = Bindings.createStringBinding(() -> !repeat.get().isEmpty() && !repeat.get().equals(password.get())
                ? Messages.get("setup.error.repeat") : "", password, repeat);
        canCreate = Bindings.createBooleanBinding(() -> !work.isRunning() && !siteName.get().isBlank()
                && !username.get().isBlank() && !password.get().isEmpty() && password.get().equals(repeat.get()),
                work.runningProperty(), siteName, username, password, repeat);
        // Once touched (typed in, or left), the site name's problem is said beside it, not only
        // by a disabled button.
        siteName.addListener((o, a, b) -> checkSiteName());
        username.addListener((o, a, b) -> usernameError.set(""));
        displayName.addListener((o, a, b) -> displayNameError.set(""));
        password.addListener((o, a, b) -> passwordError.set(""));
    }

    /** The person left the site name field: an empty one is now worth a sentence. */
    public void leftSiteName() {
        checkSiteName();
    }

    private void checkSiteName() {
        siteError.set(com.keydesk.service.InputRules.siteNameProblem(siteName.get()).orElse(""));
    }

    public void create() {
        if (!canCreate.get()) {
            return;
        }
        formError.set("");
        String site = siteName.get();
        String admin = username.get();
        String display = displayName.get();
        char[] secret = password.get().toCharArray();
        work.task(() -> initialiser.initialise(site, admin, display, secret)).onSuccess(session -> {
            password.set("");
            repeat.set("");
            onSignedIn.accept(session);
        }).onFailure(failure -> {
            if (failure instanceof ValidationException invalid) {
                switch (invalid.field()) {
                    case "site" -> siteError.set(invalid.getMessage());
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

    /** The start screen's way to another store: "Open team store…" (none in tests that do not offer it). */
    private final StoreLinks stores = new StoreLinks(this::isBusy);

    private boolean isBusy() {
        return work.isRunning();
    }

    /** The links to another store this screen offers. */
    public StoreLinks stores() {
        return stores;
    }

    public StringProperty siteNameProperty() { return siteName; }
    public StringProperty usernameProperty() { return username; }
    /** The first administrator's display name: optional, checked by the service. */
    public StringProperty displayNameProperty() { return displayName; }
    public StringProperty displayNameErrorProperty() { return displayNameError; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty repeatProperty() { return repeat; }
    public StringProperty siteErrorProperty() { return siteError; }
    public StringProperty usernameErrorProperty() { return usernameError; }
    public StringProperty passwordErrorProperty() { return passwordError; }
    public StringProperty formErrorProperty() { return formError; }
    public StringBinding repeatErrorProperty() { return repeatError; }
    public ReadOnlyStringProperty strengthProperty() { return strength.textProperty(); }
    public ReadOnlyObjectProperty<PasswordStrength.Rating> strengthRatingProperty() { return strength.ratingProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return work.runningProperty(); }
    public BooleanBinding canCreateProperty() { return canCreate; }
}
