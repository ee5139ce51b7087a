package com.keydesk.ui.keys.details;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.ExpiryLimit;
import com.keydesk.domain.KeyEdit;
import com.keydesk.domain.ValidationException;
import com.keydesk.ui.BackgroundWork;
import com.keydesk.ui.ErrorText;
import javafx.beans.property.ReadOnlyBooleanProperty;
import com.keydesk.ui.Messages;
import com.keydesk.ui.RelativeTime;
import com.keydesk.ui.SignedIn;
import com.keydesk.ui.keys.create.FormErrors;
import com.keydesk.ui.keys.text.DisplayStatus;
import com.keydesk.ui.keys.text.PermissionText;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Every field of one key, and the edit of its name, description and expiry. */
public final class KeyDetailsViewModel {
    private final SignedIn ctx;
    private final ApiKey key;
    private final boolean mayEdit;
    private final boolean mayLengthenExpiry;
    private final ExpiryLimit expiryLimit;
    private final ZoneId zone;
    private final StringProperty name;
    private final StringProperty description;
    private final ObjectProperty<LocalDate> expiryDate;
    private final BooleanProperty noExpiry;
    private final FormErrors errors = new FormErrors();
    private final BackgroundWork work;
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding changed;

    /**
     * @param mayLengthenExpiry the service's answer ({@code KeyService.mayLengthenExpiry}): whether
     *        this person may move the expiry later or remove it; when not, neither is offered
     * @param expiryLimit the service's answer ({@code KeyService.expiryLimit}): how far ahead this
     *        person may set an expiry now; "No expiry" and later days are offered only within it
     */
    public KeyDetailsViewModel(SignedIn ctx, ApiKey key, boolean mayEdit, boolean mayLengthenExpiry,
                               ExpiryLimit expiryLimit, ZoneId zone) {
        this.ctx = ctx;
        this.work = new BackgroundWork(ctx.tasks(), errors.form::set);
        this.key = key;
        this.mayEdit = mayEdit;
        this.mayLengthenExpiry = mayLengthenExpiry;
        this.expiryLimit = expiryLimit;
        this.zone = zone;
        this.name = new SimpleStringProperty(key.name());
        this.description = new SimpleStringProperty(key.description() == null ? "" : key.description());
        this.expiryDate = new SimpleObjectProperty<>(initialDate());
        this.noExpiry = new SimpleBooleanProperty(key.expiresAt() == null);
        this.changed = Bindings.createBooleanBinding(() -> edit() != null, name, description, expiryDate, noExpiry);
        name.addListener((o, a, b) -> errors.name.set(com.keydesk.service.InputRules.keyNameProblem(b).orElse("")));
        expiryDate.addListener((o, a, b) -> errors.expiry.set(""));
        noExpiry.addListener((o, a, b) -> errors.expiry.set(""));
        description.addListener((o, a, b) -> errors.description.set(
                com.keydesk.service.InputRules.descriptionProblem(b).orElse("")));
    }

    /** The fields as label → value, in reading order. */
    public Map<String, String> facts() {
        Instant now = ctx.clock().instant();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(Messages.get("details.id"), Long.toString(key.id()));
        facts.put(Messages.get("details.label"), key.descriptiveLabel());
        facts.put(Messages.get("details.type"), Messages.get(key.userId() == null ? "details.type.site" : "details.type.user"));
        if (key.ownerUsername() != null) {
            facts.put(Messages.get("column.owner"), key.ownerUsername()
                    + (key.ownerIsAdmin() ? " " + Messages.get("details.ownerAdmin") : "")
                    + (key.ownerActive() ? "" : " " + Messages.get("details.ownerInactive")));
        }
        facts.put(Messages.get("column.permission"), PermissionText.text(key.permissionSet()));
        if (key.previousPermissionSet() != null) {
            facts.put(Messages.get("details.previousPermission"), PermissionText.text(key.previousPermissionSet())
                    + (key.disabledByAdmin() ? " " + Messages.get("details.disabledByAdmin") : ""));
        }
        facts.put(Messages.get("column.status"), DisplayStatus.of(key, now).text());
        facts.put(Messages.get("column.created"), RelativeTime.exact(key.createdAt())
                + (key.createdBy() == null ? "" : " " + Messages.format("details.by", key.createdBy())));
        facts.put(Messages.get("column.expires"), RelativeTime.exact(key.expiresAt())
                + (key.expiresAt() == null ? "" : " (" + RelativeTime.relative(key.expiresAt(), now) + ")"));
        facts.put(Messages.get("column.lastUsed"), RelativeTime.exact(key.lastUseAt()));
        return facts;
    }

    public void save() {
        KeyEdit edit = edit();
        if (edit == null || !mayEdit) {
            saved.set(true);
            return;
        }
        errors.clearAll();
        work.task(() -> ctx.services().keys().update(ctx.session(), key.id(), edit)).onSuccess(updated -> {
            saved.set(true);
        }).onFailure(failure -> {
            if (failure instanceof ValidationException invalid && errors.show(invalid.field(), invalid.getMessage())) {
                return;
            }
            errors.form.set(ErrorText.sentence(failure));
        }).start();
    }

    /** The change the form asks for, or null when nothing changed. */
    KeyEdit edit() {
        String newName = name.get().strip().equals(key.name()) ? null : name.get();
        String oldDescription = key.description() == null ? "" : key.description();
        String newDescription = description.get().strip().equals(oldDescription.strip()) ? null : description.get();
        boolean removeExpiry = noExpiry.get() && key.expiresAt() != null;
        Instant newExpiry = null;
        if (!noExpiry.get() && expiryDate.get() != null && !Objects.equals(expiryDate.get(), initialDate())) {
            newExpiry = expiryDate.get().plusDays(1).atStartOfDay(zone).toInstant();
        }
        if (newName == null && newDescription == null && !removeExpiry && newExpiry == null) {
            return null;
        }
        return new KeyEdit(newName, newDescription, newExpiry, removeExpiry);
    }

    private LocalDate initialDate() {
        return key.expiresAt() == null ? null : LocalDate.ofInstant(key.expiresAt(), zone);
    }

    /**
     * Today or later; no later than the current expiry for someone who may not lengthen it; and
     * within the site's maximum lifetime for someone it limits (the current day stays: keeping an
     * expiry is not checked).
     */
    public boolean isSelectableDate(LocalDate date) {
        if (date.isBefore(LocalDate.ofInstant(ctx.clock().instant(), zone))) {
            return false;
        }
        LocalDate current = initialDate();
        if (date.equals(current)) {
            return true;
        }
        return (mayLengthenExpiry || current == null || !date.isAfter(current))
                && expiryLimit.allows(date.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * "No expiry" is offered only where the service allows it: to who may remove an expiry on a
     * site whose maximum does not limit them, or when the key has none already (keeping it is
     * always allowed).
     */
    public boolean offersNoExpiry() {
        return mayEdit && (key.expiresAt() == null || mayLengthenExpiry && expiryLimit.allowsNoExpiry());
    }

    /** A date typed into the expiry field that the field will not take: the service's sentence beside it. */
    public void typedExpiryDate(LocalDate typed) {
        if (typed == null || isSelectableDate(typed)) {
            return;
        }
        Instant end = typed.plusDays(1).atStartOfDay(zone).toInstant();
        String past = com.keydesk.service.InputRules.expiryProblem(end, ctx.clock().instant()).orElse("");
        errors.expiry.set(past.isEmpty() ? Messages.get("details.error.later") : past);
    }

    /**
     * Whether the window may close now: at once when nothing was edited; otherwise only when the
     * person agrees to throw the edits away.
     */
    public boolean mayClose() {
        if (!mayEdit || edit() == null || saved.get()) {
            return true;
        }
        return ctx.dialogs().confirm(Messages.get("details.discard.heading"),
                Messages.format("details.discard.sentence", key.name()), Messages.get("details.discard.confirm"));
    }

    public String keyName() { return key.name(); }
    public boolean mayEdit() { return mayEdit; }
    public StringProperty nameProperty() { return name; }
    public StringProperty descriptionProperty() { return description; }
    public ObjectProperty<LocalDate> expiryDateProperty() { return expiryDate; }
    public BooleanProperty noExpiryProperty() { return noExpiry; }
    public FormErrors errors() { return errors; }
    public ReadOnlyBooleanProperty busyProperty() { return work.runningProperty(); }
    public BooleanBinding changedProperty() { return changed; }
    public ReadOnlyBooleanProperty savedProperty() { return saved.getReadOnlyProperty(); }
}
