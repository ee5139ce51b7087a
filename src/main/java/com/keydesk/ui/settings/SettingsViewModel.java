package com.keydesk.ui.settings;

import com.keydesk.domain.ConfirmationNeededException;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.Site;
import com.keydesk.ui.BackgroundWork;
import com.keydesk.ui.ErrorText;
import javafx.beans.property.ReadOnlyBooleanProperty;
import com.keydesk.ui.FilePicker;
import com.keydesk.ui.Messages;
import com.keydesk.ui.SignedIn;
import com.keydesk.ui.keys.text.PermissionText;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The settings screen (administrators): the site settings ({@code users_can_create_api_keys}, the
 * default permission set of new user keys, the maximum lifetime of keys users make),
 * this machine's clipboard time and theme ({@link UiPreferences}), backup and restore.
 */
public final class SettingsViewModel {
    /** What the days field starts at while the maximum is off: about a quarter of a year. */
    static final int DEFAULT_MAX_DAYS = 90;
    private final SignedIn ctx;
    private final UiPreferences preferences;
    private final FilePicker files;
    private final StoreRestorer restorer;
    private final Consumer<Site> onSiteChanged;
    private final ZoneId zone;
    private final BooleanProperty usersCanCreate = new SimpleBooleanProperty(false);
    private final ObjectProperty<PermissionSet> defaultPermission = new SimpleObjectProperty<>();
    /** The maximum lifetime as the form holds it; applied with {@link #applyMaxLifetime}. */
    private final BooleanProperty limitLifetime = new SimpleBooleanProperty(false);
    private final ObjectProperty<Integer> maxLifetimeDays = new SimpleObjectProperty<>(DEFAULT_MAX_DAYS);
    /** The maximum lifetime as the site has it (null: none). */
    private final ObjectProperty<Integer> savedMaxLifetime = new SimpleObjectProperty<>();
    private final BooleanBinding maxLifetimeChanged;
    private final StringProperty settingStatus = new SimpleStringProperty("");
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private final StringProperty settingError = new SimpleStringProperty("");
    private final BackgroundWork work;
    /** Backup and restore: long work the screen is masked for (settings saves are quick and are not). */
    private final BackgroundWork longWork;
    private final javafx.beans.binding.BooleanBinding busy;
    private final StringProperty backupStatus = new SimpleStringProperty("");
    private final StringProperty backupError = new SimpleStringProperty("");
    /** Kept as a field: a Spinner binds to it bidirectionally, and a collected adapter would stop syncing. */
    private final ObjectProperty<Integer> clearSeconds;
    private final StringProperty clearSecondsError = new SimpleStringProperty("");
    private boolean applying;

    public SettingsViewModel(SignedIn ctx, UiPreferences preferences, FilePicker files, StoreRestorer restorer,
                             Consumer<Site> onSiteChanged, ZoneId zone) {
        this.ctx = ctx;
        this.work = new BackgroundWork(ctx.tasks(), settingError::set);
        this.longWork = new BackgroundWork(ctx.tasks(), backupError::set);
        this.busy = work.runningProperty().or(longWork.runningProperty());
        this.preferences = preferences;
        this.files = files;
        this.restorer = restorer;
        this.onSiteChanged = onSiteChanged;
        this.zone = zone;
        this.clearSeconds = preferences.clipboardClearSecondsProperty().asObject();
        clearSeconds.addListener((o, was, now) -> clearSecondsError.set(""));
        usersCanCreate.addListener((o, was, allowed) -> {
            if (!applying) {
                if (confirmSiteWide(allowed)) {
                    save(allowed);
                } else {
                    show(!allowed);
                }
            }
        });
        defaultPermission.addListener((o, was, chosen) -> {
            if (!applying && chosen != null) {
                saveDefaultPermission(was, chosen);
            }
        });
        maxLifetimeChanged = Bindings.createBooleanBinding(() -> !Objects.equals(formMaxLifetime(), savedMaxLifetime.get()),
                limitLifetime, maxLifetimeDays, savedMaxLifetime);
    }

    /** The maximum the form asks for: null when off. */
    private Integer formMaxLifetime() {
        return limitLifetime.get() ? maxLifetimeDays.get() : null;
    }

    private void saveDefaultPermission(PermissionSet was, PermissionSet chosen) {
        change(() -> ctx.services().site().setDefaultPermissionSet(ctx.session(), chosen),
                site -> Messages.format("settings.saved.defaultPermission", PermissionText.text(site.defaultPermissionSet())),
                () -> showPolicy(was, savedMaxLifetime.get()));
    }

    /** Applies the maximum lifetime the form holds (the service checks its range). */
    public void applyMaxLifetime() {
        if (!maxLifetimeChanged.get()) {
            return;
        }
        Integer days = formMaxLifetime();
        change(() -> ctx.services().site().setMaxKeyLifetimeDays(ctx.session(), days),
                site -> Messages.format("settings.saved.maxLifetime",
                        site.maxKeyLifetimeDays() == null ? 0 : site.maxKeyLifetimeDays()), () -> { });
    }

    /** One site setting changed in the background; on success the site everywhere, on failure the sentence. */
    private void change(java.util.concurrent.Callable<Site> work, java.util.function.Function<Site, String> saved,
                        Runnable undo) {
        settingError.set("");
        settingStatus.set("");
        this.work.task(work).onSuccess(site -> {
            show(site);
            settingStatus.set(Messages.format("settings.saved", saved.apply(site)));
            onSiteChanged.accept(site);
        }).onFailure(failure -> {
            undo.run();
            settingError.set(ErrorText.sentence(failure));
        }).start();
    }

    private void showPolicy(PermissionSet permission, Integer maxDays) {
        applying = true;
        try {
            defaultPermission.set(permission);
            savedMaxLifetime.set(maxDays);
            limitLifetime.set(maxDays != null);
            maxLifetimeDays.set(maxDays != null ? maxDays : DEFAULT_MAX_DAYS);
        } finally {
            applying = false;
        }
    }

    /**
     * The clipboard time as typed into its field: a whole number of seconds within the range
     * becomes the time; anything else keeps the time it was and says why. Returns the time now.
     */
    public int typedClearSeconds(String text) {
        String typed = text == null ? "" : text.strip();
        int now = clearSeconds.get();
        try {
            int seconds = Integer.parseInt(typed);
            if (seconds >= UiPreferences.MIN_CLEAR_SECONDS && seconds <= UiPreferences.MAX_CLEAR_SECONDS) {
                clearSecondsError.set("");
                clearSeconds.set(seconds);
                return seconds;
            }
        } catch (NumberFormatException notAWholeNumber) {
            // said below, in the same sentence as a number out of range
        }
        clearSecondsError.set(Messages.format(typed.isEmpty() ? "settings.clipboard.empty" : "settings.clipboard.invalid", typed,
                UiPreferences.MIN_CLEAR_SECONDS, UiPreferences.MAX_CLEAR_SECONDS, now));
        return now;
    }

    /** The sets a site may give new user keys by default: every set a working key has. */
    public List<PermissionSet> permissionChoices() {
        return Arrays.stream(PermissionSet.values()).filter(p -> p != PermissionSet.NONE).toList();
    }

    public void load() {
        work.task(() -> ctx.services().site().site(ctx.session())).onSuccess(site -> {
            show(site);
            loaded.set(true);
        }).start();
    }

    /** The switch changes what every user who is not an administrator may do, at once: asked first. */
    private boolean confirmSiteWide(boolean allowed) {
        String which = allowed ? "on" : "off";
        return ctx.dialogs().confirm(Messages.get("settings.usersCanCreate.ask." + which),
                Messages.get("settings.usersCanCreate.ask." + which + ".sentence"),
                Messages.get("settings.usersCanCreate.ask." + which + ".confirm"));
    }

    private void save(boolean allowed) {
        settingError.set("");
        settingStatus.set("");
        work.task(() -> ctx.services().site().setUsersCanCreateApiKeys(ctx.session(), allowed)).onSuccess(site -> {
            show(site);
            settingStatus.set(Messages.format("settings.saved", Messages.get(site.usersCanCreateApiKeys()
                    ? "settings.saved.usersCanCreate.on" : "settings.saved.usersCanCreate.off")));
            onSiteChanged.accept(site);
        }).onFailure(failure -> {
            show(!allowed);
            settingError.set(ErrorText.sentence(failure));
        }).start();
    }

    private void show(Site site) {
        show(site.usersCanCreateApiKeys());
        showPolicy(site.defaultPermissionSet(), site.maxKeyLifetimeDays());
    }

    private void show(boolean allowed) {
        applying = true;
        try {
            usersCanCreate.set(allowed);
        } finally {
            applying = false;
        }
    }

    /** Asks where to write the backup, writes it in the background and says where it went. */
    public void backup() {
        Path target = files.chooseBackupTarget("keydesk-backup-" + LocalDate.ofInstant(ctx.clock().instant(), zone) + ".zip");
        if (target == null) {
            return;
        }
        backupStatus.set("");
        backupError.set("");
        longWork.task(() -> {
            ctx.services().backups().backup(ctx.session(), target);
            return target.toAbsolutePath().normalize();
        }).onSuccess(written -> {
            backupStatus.set(Messages.format("settings.backup.done", written));
            ctx.confirmations().show(Messages.get("confirm.backupWritten"));
        }).start();
    }

    /** Asks for the backup, confirms what happens to the current store, then hands over to the restorer. */
    public void restore() {
        String refused = restorer.whyNoRestore();
        if (refused != null) {
            backupStatus.set("");
            backupError.set(refused);
            return;
        }
        Path source = files.chooseBackupToRestore();
        if (source == null) {
            return;
        }
        Path file = source.toAbsolutePath().normalize();
        if (!ctx.dialogs().confirm(Messages.get("settings.restore.heading"),
                Messages.format("settings.restore.sentence", restorer.storeLocation(), file),
                Messages.get("settings.restore.confirm"))) {
            return;
        }
        restore(file, false);
    }

    /** A backup of another site gets a second confirmation that says so, then the same hand-over. */
    private void restore(Path file, boolean otherSiteConfirmed) {
        backupStatus.set("");
        backupError.set("");
        Runnable release = longWork.hold();   // on success the restorer replaces this window
        restorer.restore(ctx.session(), file, otherSiteConfirmed, failure -> {
            release.run();
            if (failure instanceof ConfirmationNeededException otherSite && !otherSiteConfirmed
                    && ctx.dialogs().confirm(Messages.get("settings.restore.otherSite.heading"), otherSite.getMessage(),
                    Messages.get("settings.restore.otherSite.confirm"))) {
                restore(file, true);
                return;
            }
            if (!(failure instanceof ConfirmationNeededException)) {
                backupError.set(ErrorText.sentence(failure));
            }
        });
    }

    public BooleanProperty usersCanCreateProperty() { return usersCanCreate; }
    public ObjectProperty<PermissionSet> defaultPermissionProperty() { return defaultPermission; }
    public BooleanProperty limitLifetimeProperty() { return limitLifetime; }
    public ObjectProperty<Integer> maxLifetimeDaysProperty() { return maxLifetimeDays; }
    public BooleanBinding maxLifetimeChangedProperty() { return maxLifetimeChanged; }
    public StringProperty settingStatusProperty() { return settingStatus; }
    public BooleanProperty loadedProperty() { return loaded; }
    public StringProperty settingErrorProperty() { return settingError; }
    public ObjectProperty<Integer> clearSecondsProperty() { return clearSeconds; }
    public StringProperty clearSecondsErrorProperty() { return clearSecondsError; }
    public BooleanProperty darkThemeProperty() { return preferences.darkThemeProperty(); }
    public javafx.beans.binding.BooleanBinding busyProperty() { return busy; }
    public ReadOnlyBooleanProperty backupRunningProperty() { return longWork.runningProperty(); }
    public StringProperty backupStatusProperty() { return backupStatus; }
    public StringProperty backupErrorProperty() { return backupError; }
}
