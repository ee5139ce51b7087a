package com.keydesk.ui.keys.create;

import com.keydesk.domain.KeyType;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.User;
import com.keydesk.domain.ValidationException;
import com.keydesk.service.InputRules;
import com.keydesk.ui.ErrorText;
import com.keydesk.ui.Messages;
import com.keydesk.ui.SignedIn;
import com.keydesk.ui.keys.copy.CopyNowViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The create-key form. Checks as the person types what needs no store, with the service's own
 * rules for name and description ({@link InputRules}), an owner chosen, a date not past; every
 * rule is still checked by the service on create, whose sentence lands beside the field it names.
 */
public final class CreateKeyViewModel {
    private final SignedIn ctx;
    private final KeyType type;
    private final boolean choosesOwner;
    private final ZoneId zone;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty owner = new SimpleStringProperty("");
    private final ObjectProperty<PermissionSet> permission = new SimpleObjectProperty<>(PermissionSet.FULL);
    private final ObjectProperty<ExpiryPreset> expiryPreset = new SimpleObjectProperty<>(ExpiryPreset.DAYS_90);
    private final ObjectProperty<LocalDate> expiryDate = new SimpleObjectProperty<>();
    private final FormErrors errors = new FormErrors();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper created = new ReadOnlyBooleanWrapper(false);

    private final ObservableList<String> usernames = FXCollections.observableArrayList();
    private final FilteredList<String> ownerChoices = new FilteredList<>(usernames);
    private final ObservableSet<String> adminUsernames = FXCollections.observableSet();
    private final BooleanBinding powerWarning;
    private final BooleanBinding canCreate;
    private CopyNowViewModel result;

    public CreateKeyViewModel(SignedIn ctx, KeyType type, boolean choosesOwner, ZoneId zone) {
        this.ctx = ctx;
        this.type = type;
        this.choosesOwner = type == KeyType.USER && choosesOwner;
        this.zone = zone;
        if (type == KeyType.USER && !this.choosesOwner) {
            owner.set(ctx.session().username());
        }
        name.addListener((o, a, b) -> errors.name.set(FormErrors.problem(() -> InputRules.checkKeyName(b))));
        description.addListener((o, a, b) -> errors.description.set(FormErrors.problem(() -> InputRules.checkDescription(b))));
        owner.addListener((o, a, b) -> {
            errors.owner.set(this.choosesOwner && (b == null || b.isBlank()) ? Messages.get("create.error.owner") : "");
            String q = b == null ? "" : b.strip().toLowerCase(Locale.ROOT);
            ownerChoices.setPredicate(u -> q.isEmpty() || u.toLowerCase(Locale.ROOT).contains(q) || u.equalsIgnoreCase(q));
        });
        permission.addListener((o, a, b) -> errors.permission.set(""));
        expiryPreset.addListener((o, a, b) -> checkExpiry());
        expiryDate.addListener((o, a, b) -> checkExpiry());
        powerWarning = Bindings.createBooleanBinding(() -> type == KeyType.SITE
                || adminUsernames.stream().anyMatch(u -> u.equalsIgnoreCase(owner.get().strip())), owner, adminUsernames);
        canCreate = Bindings.createBooleanBinding(() -> !busy.get()
                && FormErrors.problem(() -> InputRules.checkKeyName(name.get())).isEmpty()
                && FormErrors.problem(() -> InputRules.checkDescription(description.get())).isEmpty()
                && (type == KeyType.SITE || !owner.get().isBlank()) && errors.expiry.get().isEmpty()
                && !(expiryPreset.get() == ExpiryPreset.DATE && expiryDate.get() == null),
                busy, name, description, owner, errors.expiry, expiryPreset, expiryDate);
    }

    /** Loads the people a key can be made for (administrators only). */
    public void loadOwners() {
        if (!choosesOwner) {
            return;
        }
        ctx.tasks().run(() -> ctx.services().users().list(ctx.session()), users -> {
            usernames.setAll(users.stream().filter(User::active).map(User::username).sorted(String.CASE_INSENSITIVE_ORDER).toList());
            adminUsernames.clear();
            users.stream().filter(User::admin).map(User::username).forEach(adminUsernames::add);
        }, failure -> errors.form.set(ErrorText.sentence(failure)));
    }

    /** A name taken from the list of people: the owner field then reads exactly that name. */
    public void chooseOwner(String username) {
        if (choosesOwner && username != null && usernames.contains(username)) {
            owner.set(username);
        }
    }

    public void create() {
        if (!canCreate.get()) {
            return;
        }
        errors.clearAll();
        Instant expires = expiryPreset.get().expiry(ctx.clock(), expiryDate.get(), zone);
        NewKey request = type == KeyType.SITE
                ? NewKey.site(name.get(), description.get(), expires)
                : NewKey.forUser(owner.get().strip(), name.get(), description.get(), permission.get(), expires);
        busy.set(true);
        ctx.tasks().run(() -> ctx.services().keys().create(ctx.session(), request), issued -> {
            busy.set(false);
            result = new CopyNowViewModel(issued, ctx.clipboard(), ctx.dialogs(), ctx.clock());
            created.set(true);
        }, failure -> {
            busy.set(false);
            if (failure instanceof ValidationException invalid && errors.show(invalid.field(), invalid.getMessage())) {
                return;
            }
            errors.form.set(ErrorText.sentence(failure));
        });
    }

    /** Hands the copy-now step over once, and forgets it, so this form never keeps the secret. */
    public CopyNowViewModel takeResult() {
        CopyNowViewModel taken = result;
        result = null;
        return taken;
    }

    /**
     * A date the person typed into the date field (the field itself drops a day it does not
     * offer, so the sentence is said here): a day already gone gets the service's sentence.
     */
    public void typedExpiryDate(LocalDate typed) {
        if (typed != null && !isSelectableDate(typed)) {
            errors.expiry.set(FormErrors.problem(() -> InputRules.checkExpiry(
                    ExpiryPreset.DATE.expiry(ctx.clock(), typed, zone), ctx.clock().instant())));
        }
    }

    private void checkExpiry() {
        LocalDate date = expiryDate.get();
        boolean past = expiryPreset.get() == ExpiryPreset.DATE && date != null
                && date.isBefore(LocalDate.ofInstant(ctx.clock().instant(), zone));
        errors.expiry.set(past ? Messages.get("create.error.pastDate") : "");
    }

    /** The dates the date picker offers: today (the key lasts to the end of it) and later. */
    public boolean isSelectableDate(LocalDate date) {
        return !date.isBefore(LocalDate.ofInstant(ctx.clock().instant(), zone));
    }

    public List<PermissionSet> permissionChoices() {
        return Arrays.stream(PermissionSet.values()).filter(p -> p != PermissionSet.NONE).toList();
    }

    public KeyType type() { return type; }
    public boolean choosesOwner() { return choosesOwner; }
    public StringProperty nameProperty() { return name; }
    public StringProperty descriptionProperty() { return description; }
    public StringProperty ownerProperty() { return owner; }
    public FilteredList<String> ownerChoices() { return ownerChoices; }
    public ObjectProperty<PermissionSet> permissionProperty() { return permission; }
    public ObjectProperty<ExpiryPreset> expiryPresetProperty() { return expiryPreset; }
    public ObjectProperty<LocalDate> expiryDateProperty() { return expiryDate; }
    public FormErrors errors() { return errors; }
    public BooleanProperty busyProperty() { return busy; }
    public BooleanBinding powerWarningProperty() { return powerWarning; }
    public BooleanBinding canCreateProperty() { return canCreate; }
    public ReadOnlyBooleanProperty createdProperty() { return created.getReadOnlyProperty(); }
}
