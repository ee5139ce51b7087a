package com.keydesk.ui.keys.create;

import com.keydesk.domain.ExpiryLimit;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.User;
import com.keydesk.domain.ValidationException;
import com.keydesk.service.InputRules;
import com.keydesk.ui.BackgroundWork;
import com.keydesk.ui.ErrorText;
import javafx.beans.property.ReadOnlyBooleanProperty;
import com.keydesk.ui.Messages;
import com.keydesk.ui.SignedIn;
import com.keydesk.ui.keys.copy.CopyNowViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

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
    /** The site's default until the person chooses; null until the site's answer is in. */
    private final ObjectProperty<PermissionSet> permission = new SimpleObjectProperty<>();
    /** Whether the person chose a set: the site's default, arriving later, then does not replace it. */
    private boolean permissionChosen;
    private boolean settingDefault;
    private final ObjectProperty<ExpiryPreset> expiryPreset = new SimpleObjectProperty<>(ExpiryPreset.DAYS_90);
    /**
     * The expiries offered: "Never" and presets past the site's maximum only where the service
     * says they are allowed ({@code KeyService.expiryLimit}); until it has answered, no "Never".
     */
    private final ObservableList<ExpiryPreset> expiryChoices = FXCollections.observableArrayList();
    private final ObjectProperty<ExpiryLimit> expiryLimit = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> expiryDate = new SimpleObjectProperty<>();
    private final FormErrors errors = new FormErrors();
    private final BackgroundWork work;
    private final ReadOnlyBooleanWrapper created = new ReadOnlyBooleanWrapper(false);

    private final OwnerNames ownerNames = new OwnerNames();
    /** The names offered for the owner field now: the newest answer only (see {@link #suggestOwners}). */
    private final ObservableList<String> ownerSuggestions = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlySuggestions = FXCollections.unmodifiableObservableList(ownerSuggestions);
    /** Counts the questions asked of the owner list; an answer to any but the last is dropped. */
    private long ownerQuestion;
    /** Whether the person is looking for a name (typed, or asked with Down) and has not dismissed the list. */
    private boolean ownerWanted;
    /** True while a name taken from the list is written into the field, which is not typing. */
    private boolean takingOwner;
    private final ObservableSet<String> adminUsernames = FXCollections.observableSet();
    private final BooleanBinding powerWarning;
    private final BooleanBinding canCreate;
    private final StringBinding createHint;
    private CopyNowViewModel result;

    public CreateKeyViewModel(SignedIn ctx, KeyType type, boolean choosesOwner, ZoneId zone) {
        this.ctx = ctx;
        this.work = new BackgroundWork(ctx.tasks(), errors.form::set);
        this.type = type;
        this.choosesOwner = type == KeyType.USER && choosesOwner;
        this.zone = zone;
        if (type == KeyType.USER && !this.choosesOwner) {
            owner.set(ctx.session().username());
        }
        name.addListener((o, a, b) -> errors.name.set(InputRules.keyNameProblem(b).orElse("")));
        description.addListener((o, a, b) -> errors.description.set(InputRules.descriptionProblem(b).orElse("")));
        owner.addListener((o, a, b) -> {
            errors.owner.set(this.choosesOwner && (b == null || b.isBlank()) ? Messages.get("create.error.owner") : "");
            if (this.choosesOwner && !takingOwner) {
                suggestOwners();
            }
        });
        permission.addListener((o, a, b) -> {
            errors.permission.set("");
            permissionChosen |= !settingDefault;
        });
        offerExpiries();
        expiryPreset.addListener((o, a, b) -> checkExpiry());
        expiryDate.addListener((o, a, b) -> checkExpiry());
        powerWarning = Bindings.createBooleanBinding(() -> type == KeyType.SITE
                || adminUsernames.stream().anyMatch(u -> u.equalsIgnoreCase(owner.get().strip())), owner, adminUsernames);
        canCreate = Bindings.createBooleanBinding(() -> !work.isRunning()
                && InputRules.keyNameProblem(name.get()).isEmpty()
                && InputRules.descriptionProblem(description.get()).isEmpty()
                && (type == KeyType.SITE || !owner.get().isBlank() && permission.get() != null)
                && errors.expiry.get().isEmpty() && expiryPreset.get() != null
                && !(expiryPreset.get() == ExpiryPreset.DATE && expiryDate.get() == null),
                work.runningProperty(), name, description, owner, permission, errors.expiry, expiryPreset, expiryDate);
        createHint = Bindings.createStringBinding(this::whyNotYet, canCreate, errors.name, errors.owner, errors.expiry);
    }

    /**
     * Why Create is greyed, in a sentence, when no sentence beside a field says it already: a
     * form opens with an empty name and no owner, which are not mistakes to mark, yet a person
     * must learn what is missing. Empty while working, or while the site's answer is on its way.
     */
    private String whyNotYet() {
        if (canCreate.get() || work.isRunning()) {
            return "";
        }
        var nameProblem = InputRules.keyNameProblem(name.get());
        if (nameProblem.isPresent()) {
            return errors.name.get().isEmpty() ? nameProblem.get() : "";
        }
        if (type == KeyType.USER && owner.get().isBlank()) {
            return errors.owner.get().isEmpty() ? Messages.get("create.error.owner") : "";
        }
        if (expiryPreset.get() == ExpiryPreset.DATE && expiryDate.get() == null && errors.expiry.get().isEmpty()) {
            return Messages.get("create.hint.date");
        }
        return "";
    }

    /**
     * Asks the service what this person may set here: the site's default permission set (the
     * form starts with it) and how far ahead an expiry may be (what the expiry list offers).
     */
    public void load() {
        loadOwners();
        work.task(() -> new SitePolicy(ctx.services().site().site(ctx.session()).defaultPermissionSet(),
                ctx.services().keys().expiryLimit(ctx.session()))).onSuccess(policy -> {
            if (!permissionChosen && type == KeyType.USER) {
                settingDefault = true;
                permission.set(policy.defaultPermission());
                settingDefault = false;
            }
            expiryLimit.set(policy.limit());
            offerExpiries();
        }).start();
    }

    private record SitePolicy(PermissionSet defaultPermission, ExpiryLimit limit) {
    }

    /**
     * The presets the limit allows (all but "Never" before it is known); the one chosen stays if it
     * still may, else the longest allowed preset.
     */
    private void offerExpiries() {
        ExpiryLimit limit = expiryLimit.get();
        List<ExpiryPreset> allowed = Arrays.stream(ExpiryPreset.values()).filter(preset -> switch (preset) {
            case NEVER -> limit != null && limit.allowsNoExpiry();
            case DATE -> true;
            default -> limit == null || limit.allows(preset.expiry(ctx.clock(), null, zone));
        }).toList();
        ExpiryPreset chosen = expiryPreset.get();
        expiryChoices.setAll(allowed);
        if (chosen == null || !allowed.contains(chosen)) {
            expiryPreset.set(allowed.stream().filter(p -> p != ExpiryPreset.DATE && p != ExpiryPreset.NEVER)
                    .reduce((first, second) -> second).orElse(ExpiryPreset.DATE));
        } else {
            expiryPreset.set(chosen);
        }
        if (expiryDate.get() != null && !isSelectableDate(expiryDate.get())) {
            expiryDate.set(null);
        }
    }

    /** Loads the people a key can be made for (administrators only). */
    public void loadOwners() {
        if (!choosesOwner) {
            return;
        }
        work.task(() -> ctx.services().users().list(ctx.session())).onSuccess(users -> {
            ownerNames.setAll(users.stream().filter(User::active).map(User::username).sorted(String.CASE_INSENSITIVE_ORDER).toList());
            adminUsernames.clear();
            users.stream().filter(User::admin).map(User::username).forEach(adminUsernames::add);
            if (ownerWanted) {   // typed before the list was in: answer what is typed now
                suggestOwners();
            }
        }).start();
    }

    /**
     * Offers the names that match what the owner field holds now ({@link #ownerSuggestions()}).
     * Called as the person types, or when they ask for the list (Down). The matching runs on the
     * task runner, off the FX thread, over the people the service listed; answers may come back
     * out of order, so only the answer to the newest question is shown.
     */
    public void suggestOwners() {
        if (!choosesOwner) {
            return;
        }
        ownerWanted = true;
        long question = ++ownerQuestion;
        String typed = owner.get();
        ctx.tasks().run(() -> ownerNames.matching(typed), names -> {
            if (question == ownerQuestion && ownerWanted) {
                ownerSuggestions.setAll(names);
            }
        }, failure -> { });   // matching a list in memory does not fail; nothing to offer if it did
    }

    /** The list closes (Escape, Tab, the field left): nothing is offered, and answers on their way are dropped. */
    public void dismissOwnerSuggestions() {
        ownerWanted = false;
        ownerQuestion++;
        ownerSuggestions.clear();
    }

    /** A name taken from the list of people: the owner field then reads exactly that name, and the list closes. */
    public void chooseOwner(String username) {
        if (choosesOwner && username != null && ownerNames.contains(username)) {
            takingOwner = true;
            try {
                owner.set(username);
            } finally {
                takingOwner = false;
            }
        }
        dismissOwnerSuggestions();
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
        work.task(() -> ctx.services().keys().create(ctx.session(), request)).onSuccess(issued -> {
            result = new CopyNowViewModel(issued, ctx.clipboard(), ctx.dialogs(), ctx.clock());
            created.set(true);
        }).onFailure(failure -> {
            if (failure instanceof ValidationException invalid && errors.show(invalid.field(), invalid.getMessage())) {
                return;
            }
            errors.form.set(ErrorText.sentence(failure));
        }).start();
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
            String past = InputRules.expiryProblem(
                    ExpiryPreset.DATE.expiry(ctx.clock(), typed, zone), ctx.clock().instant()).orElse("");
            errors.expiry.set(!past.isEmpty() ? past : Messages.format("create.error.tooLate",
                    expiryLimit.get().maxDays(), lastSelectableDate()));
        }
    }

    /** The last day whose end the site's maximum still allows (a limit is known when this is asked). */
    private LocalDate lastSelectableDate() {
        LocalDate day = LocalDate.ofInstant(expiryLimit.get().latest(), zone);
        return isSelectableDate(day) ? day : day.minusDays(1);
    }

    private void checkExpiry() {
        LocalDate date = expiryDate.get();
        boolean past = expiryPreset.get() == ExpiryPreset.DATE && date != null
                && date.isBefore(LocalDate.ofInstant(ctx.clock().instant(), zone));
        errors.expiry.set(past ? Messages.get("create.error.pastDate") : "");
    }

    /**
     * The dates the date picker offers: today (the key lasts to the end of it) and later, up to
     * the last day whose end the service's limit allows.
     */
    public boolean isSelectableDate(LocalDate date) {
        ExpiryLimit limit = expiryLimit.get();
        return !date.isBefore(LocalDate.ofInstant(ctx.clock().instant(), zone))
                && (limit == null || limit.allows(ExpiryPreset.DATE.expiry(ctx.clock(), date, zone)));
    }

    public List<PermissionSet> permissionChoices() {
        return Arrays.stream(PermissionSet.values()).filter(p -> p != PermissionSet.NONE).toList();
    }

    public KeyType type() { return type; }
    public boolean choosesOwner() { return choosesOwner; }
    public StringProperty nameProperty() { return name; }
    public StringProperty descriptionProperty() { return description; }
    public StringProperty ownerProperty() { return owner; }
    /** The names offered for what is typed in the owner field (read-only: the newest answer, empty when closed). */
    public ObservableList<String> ownerSuggestions() { return readOnlySuggestions; }
    public ObjectProperty<PermissionSet> permissionProperty() { return permission; }
    public ObjectProperty<ExpiryPreset> expiryPresetProperty() { return expiryPreset; }
    public ObservableList<ExpiryPreset> expiryChoices() { return expiryChoices; }
    public ObjectProperty<ExpiryLimit> expiryLimitProperty() { return expiryLimit; }
    public ObjectProperty<LocalDate> expiryDateProperty() { return expiryDate; }
    public FormErrors errors() { return errors; }
    public ReadOnlyBooleanProperty busyProperty() { return work.runningProperty(); }
    public BooleanBinding powerWarningProperty() { return powerWarning; }
    public BooleanBinding canCreateProperty() { return canCreate; }
    /** What is still missing before Create can be pressed, when no field says it (see {@link #whyNotYet}). */
    public StringBinding createHintProperty() { return createHint; }
    public ReadOnlyBooleanProperty createdProperty() { return created.getReadOnlyProperty(); }
}
