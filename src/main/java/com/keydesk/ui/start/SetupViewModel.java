package com.keydesk.ui.start;

import com.keydesk.domain.ValidationException;
import com.keydesk.service.InputRules;
import com.keydesk.service.Session;
import com.keydesk.ui.ErrorText;
import com.keydesk.ui.BackgroundWork;
import com.keydesk.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Consumer;

/**
 * First start: the site's name and its first administrator (checked as add user checks an
 * account: {@link AccountFields}); creates the store and signs in.
 */
public final class SetupViewModel {
    /** Creates the store and the site; returns the new administrator's session. Slow: runs in the background. */
    public interface Initialiser {
        Session initialise(String siteName, String adminUsername, String displayName, char[] password);
    }

    private final Initialiser initialiser;
    private final Consumer<Session> onSignedIn;
    private final StringProperty siteName = new SimpleStringProperty("");
    private final StringProperty siteError = new SimpleStringProperty("");
    private final StringProperty formError = new SimpleStringProperty("");
    private final AccountFields account;
    private final BackgroundWork work;
    private final StoreLinks stores;
    private final BooleanBinding canCreate;

    public SetupViewModel(Initialiser initialiser, TaskRunner tasks, Consumer<Session> onSignedIn) {
        this.initialiser = initialiser;
        this.onSignedIn = onSignedIn;
        this.work = new BackgroundWork(tasks, formError::set);
        this.stores = new StoreLinks(work::isRunning);
        account = new AccountFields(tasks);
        canCreate = Bindings.createBooleanBinding(() -> !work.isRunning() && !siteName.get().isBlank() && account.acceptable(),
                account.dependencies(work.runningProperty(), siteName));
        // Once touched (typed in, or left), the site name's problem is said beside it, not only
        // by a disabled button.
        siteName.addListener((o, a, b) -> checkSiteName());
    }

    /** The person left the site name field: an empty one is now worth a sentence. */
    public void leftSiteName() {
        checkSiteName();
    }

    private void checkSiteName() {
        siteError.set(InputRules.siteNameProblem(siteName.get()).orElse(""));
    }

    public void create() {
        if (!canCreate.get()) {
            return;
        }
        formError.set("");
        String site = siteName.get();
        String admin = account.usernameProperty().get();
        String display = account.displayNameProperty().get();
        char[] secret = account.password().copy();
        work.task(() -> initialiser.initialise(site, admin, display, secret)).onSuccess(session -> {
            account.password().clear();
            onSignedIn.accept(session);
        }).onFailure(failure -> {
            if (failure instanceof ValidationException invalid) {
                if ("site".equals(invalid.field())) {
                    siteError.set(invalid.getMessage());
                } else if (!account.show(invalid)) {
                    formError.set(invalid.getMessage());
                }
                return;
            }
            formError.set(ErrorText.sentence(failure));
        }).start();
    }

    /** The links to another store this screen offers ("Open team store…"; none in tests that do not offer it). */
    public StoreLinks stores() {
        return stores;
    }

    public StringProperty siteNameProperty() { return siteName; }
    public StringProperty siteErrorProperty() { return siteError; }
    /** The new account's fields: what is typed, and the sentences beside each. */
    public AccountFields account() { return account; }
    public StringProperty formErrorProperty() { return formError; }
    public ReadOnlyBooleanProperty busyProperty() { return work.runningProperty(); }
    public BooleanBinding canCreateProperty() { return canCreate; }
}
