package com.keydesk.ui.main;

import com.keydesk.domain.Allowed;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.Site;
import com.keydesk.domain.User;
import com.keydesk.ui.Messages;
import com.keydesk.ui.SignedIn;
import com.keydesk.ui.keys.KeyDialogs;
import com.keydesk.ui.keys.KeyScope;
import com.keydesk.ui.keys.KeyTableViewModel;
import com.keydesk.ui.keys.StatusFilter;
import com.keydesk.ui.keys.text.DisplayStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in window: who is signed in, what they may be offered (reloaded from the store),
 * the navigation, the store's location, the expiring-keys banner and signing out.
 */
public final class MainViewModel {
    /** What was loaded on sign-in, in one background call (no site while a reset password must be changed). */
    private record Start(User me, Site site, Allowed mayCreateKeys) {
    }

    private final SignedIn ctx;
    private final KeyDialogs keyDialogs;
    private final OpenStore store;
    private final Runnable signOut;
    private final ZoneId zone;
    private final ObservableList<Section> sections = FXCollections.observableArrayList();
    private final ObjectProperty<Section> current = new SimpleObjectProperty<>();
    private final BooleanProperty admin = new SimpleBooleanProperty(false);
    private final BooleanProperty mayManageKeys = new SimpleBooleanProperty(false);
    /** How many times the site, and whether keys may be made, were asked: only the latest answer counts. */
    private long siteAsked;
    private long mayCreateAsked;
    private final StringProperty siteName = new SimpleStringProperty("");
    private final StringProperty banner = new SimpleStringProperty("");
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    /** One sentence while the team store cannot be reached; empty otherwise. */
    private final StringProperty storeTrouble = new SimpleStringProperty("");
    private final BooleanBinding mayMoveToTeamStore;
    private final Map<KeyScope, KeyTableViewModel> tables = new EnumMap<>(KeyScope.class);
    /** Shown when an administrator reset this person's password: they choose a new one, then load() again. */
    private Runnable passwordMustChange = () -> { };

    public MainViewModel(SignedIn ctx, KeyDialogs keyDialogs, OpenStore store, ZoneId zone, Runnable signOut) {
        this.ctx = ctx;
        this.keyDialogs = keyDialogs;
        this.store = store;
        this.zone = zone;
        this.signOut = signOut;
        this.mayMoveToTeamStore = Bindings.createBooleanBinding(() -> admin.get() && !store.isTeamStore(), admin);
    }

    /**
     * Who is signed in and the site first: the first key table is made (and starts loading its
     * rows) as soon as they are in. The banner's count is asked for once that table's first rows
     * are drawn: at 100,000 keys it takes a worker about 100 ms, which beside the first page and
     * the window's first layout delayed the first rows by about 45 ms on two cores (docs/PERFORMANCE.md,
     * session 16). The banner appears a moment later.
     */
    public void load() {
        ctx.tasks().run(() -> {
            User me = ctx.services().users().me(ctx.session());
            return me.mustChangePassword() ? new Start(me, null, null) : new Start(me,
                    ctx.services().site().site(ctx.session()), ctx.services().keys().mayCreateKeys(ctx.session(), KeyType.USER));
        }, start -> {
            if (start.me().mustChangePassword()) {
                passwordMustChange.run();
                return;
            }
            admin.set(start.me().admin());
            siteName.set(start.site().name());
            mayManageKeys.set(start.mayCreateKeys().allowed());
            sections.setAll(Section.forRole(start.me().admin()));
            loaded.set(true);
            current.set(sections.getFirst());
            firstKeyTable().ifPresentOrElse(table -> table.afterFirstRows(this::loadBanner), this::loadBanner);
        }, this::loadFailed);
    }

    /** The key table the first screen shows, if it shows one. */
    private Optional<KeyTableViewModel> firstKeyTable() {
        return switch (sections.getFirst()) {
            case SITE_KEYS -> Optional.of(keyTable(KeyScope.SITE_KEYS));
            case USER_KEYS -> Optional.of(keyTable(KeyScope.USER_KEYS));
            case MY_KEYS -> Optional.of(keyTable(KeyScope.MY_KEYS));
            default -> Optional.empty();
        };
    }

    private void loadBanner() {
        ctx.tasks().run(() -> ctx.services().keys().countExpiringWithin(ctx.session(), DisplayStatus.SOON),
                needingAttention -> banner.set(needingAttention == 0 ? ""
                        : Messages.format("main.banner.expiring", needingAttention)),
                this::loadFailed);
    }

    private void loadFailed(Throwable failure) {
        ctx.dialogs().showFailure(Messages.get("main.loadFailed"), failure);
    }

    /** Called when the setting changes: what the tables offer follows, as the service answers it. */
    public void applySite(Site site) {
        siteName.set(site.name());
        long asked = ++mayCreateAsked;
        ctx.tasks().run(() -> ctx.services().keys().mayCreateKeys(ctx.session(), KeyType.USER), allowed -> {
            if (asked == mayCreateAsked) {   // two quick changes may be answered out of order: the last asked wins
                mayManageKeys.set(allowed.allowed());
            }
        }, failure -> {
            // out of reach or signed out meanwhile: the next change tries again
        });
    }

    /** What to do when the signed-in person must first replace a password an administrator reset. */
    public void whenPasswordMustChange(Runnable show) {
        this.passwordMustChange = show;
    }

    /** The banner's "Show": the first key table, filtered to keys expiring soon. */
    public void showExpiring() {
        Section target = admin.get() ? Section.USER_KEYS : Section.MY_KEYS;
        current.set(target);
        KeyTableViewModel table = keyTable(admin.get() ? KeyScope.USER_KEYS : KeyScope.MY_KEYS);
        table.statusFilterProperty().set(StatusFilter.NEEDS_ATTENTION);
        banner.set("");
    }

    public void dismissBanner() {
        banner.set("");
    }

    /** One table per scope for the whole session, so search and filter survive switching screens. */
    public KeyTableViewModel keyTable(KeyScope scope) {
        return tables.computeIfAbsent(scope, s -> {
            KeyTableViewModel vm = new KeyTableViewModel(ctx, s, keyDialogs, admin.get(), mayManageKeys, zone);
            vm.whenSiteChanges(this::reloadSite);
            vm.storeReachable(storeTrouble.get().isEmpty());
            vm.reload();
            return vm;
        });
    }

    /**
     * Someone (another person, process or this window) committed a change to the store, announced
     * with the audit head it made: every key table catches up on what changed since it last looked.
     */
    public void storeChanged(long announcedHead) {
        tables.values().forEach(table -> table.storeChanged(announcedHead));
    }

    /** The team store cannot be reached: said once, in one sentence, until it is back. */
    public void storeUnreachable() {
        storeTrouble.set(Messages.format("main.trouble.unreachable", store.display()));
        tables.values().forEach(table -> table.storeReachable(false));
    }

    /** The team store answers again: what changed meanwhile was never announced, so every table catches up. */
    public void storeResumed() {
        storeTrouble.set("");
        tables.values().forEach(table -> {
            table.storeReachable(true);
            table.refresh();
        });
        reloadSite();
    }

    /** Another administrator may have renamed the site or changed its setting. */
    private void reloadSite() {
        long asked = ++siteAsked;
        ctx.tasks().run(() -> ctx.services().site().site(ctx.session()), site -> {
            if (asked == siteAsked) {   // an older read answered late must not undo a newer one
                applySite(site);
            }
        }, failure -> {
            // out of reach or signed out meanwhile: the next change or the return of the store tries again
        });
    }

    public void openTeamStore() {
        store.openTeamStore();
    }

    public void openLocalStore() {
        store.openLocalStore();
    }

    /** Administrators only in the interface; the service checks again when the store is copied. */
    public void moveToTeamStore() {
        if (mayMoveToTeamStore.get()) {
            store.moveToTeamStore(ctx.session());
        }
    }

    public void signOut() {
        signOut.run();
    }

    public SignedIn context() { return ctx; }
    public KeyDialogs keyDialogs() { return keyDialogs; }
    public String username() { return ctx.session().username(); }
    public String storeLocation() { return store.display(); }
    public boolean onTeamStore() { return store.isTeamStore(); }
    public StringProperty storeTroubleProperty() { return storeTrouble; }
    public BooleanBinding mayMoveToTeamStoreProperty() { return mayMoveToTeamStore; }
    public ObservableList<Section> sections() { return sections; }
    public ObjectProperty<Section> currentProperty() { return current; }
    public ReadOnlyBooleanProperty adminProperty() { return admin; }
    public ReadOnlyBooleanProperty mayManageKeysProperty() { return mayManageKeys; }
    public StringProperty siteNameProperty() { return siteName; }
    public StringProperty bannerProperty() { return banner; }
    public BooleanProperty loadedProperty() { return loaded; }
}
