package com.keydesk.ui.audit;

import com.keydesk.domain.AuditEntry;
import com.keydesk.service.AuditVerification;
import com.keydesk.ui.ErrorText;
import com.keydesk.ui.Messages;
import com.keydesk.ui.SignedIn;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The audit log (administrators): every entry, filtered by action, actor and a date range in
 * local time; and the integrity check, reported as a sentence that names a broken entry.
 */
public final class AuditLogViewModel {
    /** The action choice that filters nothing. */
    public static final String ALL_ACTIONS = "";

    /** What the last integrity check found. */
    public enum Check { NOT_RUN, INTACT, BROKEN, FAILED }

    private final SignedIn ctx;
    private final ZoneId zone;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<AuditEntry> filtered = new FilteredList<>(entries);
    private final SortedList<AuditEntry> sorted = new SortedList<>(filtered);
    private final ObservableList<String> actions = FXCollections.observableArrayList(ALL_ACTIONS);
    private final StringProperty action = new SimpleStringProperty(ALL_ACTIONS);
    private final StringProperty actor = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<Check> check = new SimpleObjectProperty<>(Check.NOT_RUN);
    private final StringProperty checkText = new SimpleStringProperty("");
    private final LongProperty brokenSeq = new SimpleLongProperty(-1);
    private final StringBinding count;

    public AuditLogViewModel(SignedIn ctx, ZoneId zone) {
        this.ctx = ctx;
        this.zone = zone;
        action.addListener((o, a, b) -> refilter());
        actor.addListener((o, a, b) -> refilter());
        from.addListener((o, a, b) -> refilter());
        to.addListener((o, a, b) -> refilter());
        count = Bindings.createStringBinding(() -> filtered.size() == entries.size()
                ? Messages.format("audit.count", entries.size())
                : Messages.format("audit.countFiltered", filtered.size(), entries.size()), filtered, entries);
    }

    public void reload() {
        busy.set(true);
        ctx.tasks().run(() -> ctx.services().audit().entries(ctx.session()), list -> {
            busy.set(false);
            entries.setAll(list);
            String chosen = action.get();
            actions.setAll(ALL_ACTIONS);
            list.stream().map(AuditEntry::action).distinct().sorted().forEach(actions::add);
            action.set(actions.contains(chosen) ? chosen : ALL_ACTIONS);
        }, failure -> {
            busy.set(false);
            ctx.dialogs().showError(Messages.get("audit.loadFailed"), ErrorText.sentence(failure),
                    ErrorText.isExpected(failure) ? null : failure);
        });
    }

    /** Walks the hash chain in the background; reloads so a broken entry can be shown as stored. */
    public void verify() {
        busy.set(true);
        ctx.tasks().run(() -> ctx.services().audit().verify(ctx.session()), (AuditVerification result) -> {
            busy.set(false);
            check.set(result.intact() ? Check.INTACT : Check.BROKEN);
            brokenSeq.set(result.intact() ? -1 : result.firstBrokenSeq());
            checkText.set(result.intact()
                    ? Messages.format("audit.verify.intact", result.message())
                    : Messages.format("audit.verify.broken", result.firstBrokenSeq(), result.message()));
            reload();
        }, failure -> {
            busy.set(false);
            check.set(Check.FAILED);
            brokenSeq.set(-1);
            checkText.set(ErrorText.sentence(failure));
        });
    }

    /** Clears every filter so the broken entry is in the table; returns it, or null. */
    public AuditEntry revealBroken() {
        if (brokenSeq.get() < 0) {
            return null;
        }
        clearFilters();
        return entries.stream().filter(e -> e.seq() == brokenSeq.get()).findFirst().orElse(null);
    }

    public void clearFilters() {
        action.set(ALL_ACTIONS);
        actor.set("");
        from.set(null);
        to.set(null);
    }

    private void refilter() {
        String chosen = action.get() == null ? ALL_ACTIONS : action.get();
        String who = actor.get() == null ? "" : actor.get().strip().toLowerCase(Locale.ROOT);
        Instant start = from.get() == null ? null : from.get().atStartOfDay(zone).toInstant();
        Instant end = to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant();
        filtered.setPredicate(e -> (chosen.isEmpty() || chosen.equals(e.action()))
                && (who.isEmpty() || (e.actor() != null && e.actor().toLowerCase(Locale.ROOT).contains(who)))
                && (start == null || !e.at().isBefore(start))
                && (end == null || e.at().isBefore(end)));
    }

    /** How an action choice reads: the action itself, or "All actions". */
    public static String actionText(String action) {
        return action == null || action.isEmpty() ? Messages.get("audit.allActions") : action;
    }

    public ZoneId zone() { return zone; }
    public ObservableList<AuditEntry> entries() { return entries; }
    public FilteredList<AuditEntry> filteredEntries() { return filtered; }
    public SortedList<AuditEntry> sortedEntries() { return sorted; }
    public ObservableList<String> actionChoices() { return actions; }
    public StringProperty actionProperty() { return action; }
    public StringProperty actorProperty() { return actor; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    public BooleanProperty busyProperty() { return busy; }
    public ObjectProperty<Check> checkProperty() { return check; }
    public StringProperty checkTextProperty() { return checkText; }
    public LongProperty brokenSeqProperty() { return brokenSeq; }
    public StringBinding countProperty() { return count; }
}
