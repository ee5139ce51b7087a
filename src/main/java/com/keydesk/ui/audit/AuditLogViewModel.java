package com.keydesk.ui.audit;

import com.keydesk.domain.AuditEntry;
import com.keydesk.service.AuditVerification;
import com.keydesk.service.PrivateFile;
import com.keydesk.ui.BackgroundWork;
import com.keydesk.ui.ErrorText;
import javafx.beans.property.ReadOnlyBooleanProperty;
import com.keydesk.ui.FilePicker;
import com.keydesk.ui.Messages;
import com.keydesk.ui.SignedIn;
import javafx.beans.binding.BooleanBinding;
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

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit log (administrators): every entry, its target by name, filtered by action, actor,
 * target and a date range in local time; the integrity check, reported as a sentence that names a
 * broken entry; and the entries shown, exported to a file.
 */
public final class AuditLogViewModel {
    /** The action choice that filters nothing. */
    public static final String ALL_ACTIONS = "";

    /** What the last integrity check found. */
    public enum Check { NOT_RUN, INTACT, BROKEN, FAILED }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The entries and the names of their targets, read together in the background. */
    private record Loaded(List<AuditEntry> entries, long total, Map<String, String> names) {
    }

    private final SignedIn ctx;
    private final ZoneId zone;
    private final FilePicker files;
    private volatile Map<String, String> targetNames = Map.of();
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<AuditEntry> filtered = new FilteredList<>(entries);
    private final SortedList<AuditEntry> sorted = new SortedList<>(filtered);
    private final ObservableList<String> actions = FXCollections.observableArrayList(ALL_ACTIONS);
    private final StringProperty action = new SimpleStringProperty(ALL_ACTIONS);
    private final StringProperty actor = new SimpleStringProperty("");
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty exportStatus = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final BackgroundWork work;
    private final ObjectProperty<Check> check = new SimpleObjectProperty<>(Check.NOT_RUN);
    private final StringProperty checkText = new SimpleStringProperty("");
    private final LongProperty brokenSeq = new SimpleLongProperty(-1);
    private final StringBinding count;
    private final BooleanBinding brokenShown;

    /**
     * The most entries the screen holds, the newest: about 13 MB of heap and 0.45 MB a thousand
     * entries (docs/PERFORMANCE.md, session 11), so 20,000 fit beside the key tables in the
     * launcher's heap; {@code keydesk audit list} and Verify integrity read the whole log.
     */
    public static final int MOST_SHOWN = 20_000;

    private final int mostShown;
    private final LongProperty total = new SimpleLongProperty(0);

    public AuditLogViewModel(SignedIn ctx, ZoneId zone, FilePicker files) {
        this(ctx, zone, files, MOST_SHOWN);
    }

    /** With at most {@code mostShown} entries held: the newest. */
    AuditLogViewModel(SignedIn ctx, ZoneId zone, FilePicker files, int mostShown) {
        this.ctx = ctx;
        this.mostShown = mostShown;
        this.work = new BackgroundWork(ctx.tasks(), sentence -> { });   // each task says its failure itself
        this.zone = zone;
        this.files = files;
        action.addListener((o, a, b) -> refilter());
        actor.addListener((o, a, b) -> refilter());
        target.addListener((o, a, b) -> refilter());
        from.addListener((o, a, b) -> refilter());
        to.addListener((o, a, b) -> refilter());
        count = Bindings.createStringBinding(this::countText, filtered, entries, total);
        brokenShown = Bindings.createBooleanBinding(() -> brokenSeq.get() > 0 && !entries.isEmpty()
                && brokenSeq.get() >= entries.getFirst().seq(), brokenSeq, entries);
    }

    private String countText() {
        boolean window = total.get() > entries.size();
        if (filtered.size() == entries.size()) {
            return window ? Messages.format("audit.countNewest", entries.size(), total.get())
                    : Messages.format("audit.count", entries.size());
        }
        return window ? Messages.format("audit.countFilteredNewest", filtered.size(), entries.size(), total.get())
                : Messages.format("audit.countFiltered", filtered.size(), entries.size());
    }

    public void reload() {
        work.task(() -> {
            var newest = ctx.services().audit().newest(ctx.session(), mostShown);
            return new Loaded(newest.entries(), newest.total(),
                    ctx.services().audit().targetNames(ctx.session(), newest.entries()));
        }).onSuccess(loaded -> {
            List<AuditEntry> list = loaded.entries();
            targetNames = loaded.names();
            total.set(loaded.total());   // before the entries: the count reads both
            entries.setAll(list);
            refilter(); // the target filter matches names, which may have changed
            String chosen = action.get();
            actions.setAll(ALL_ACTIONS);
            list.stream().map(AuditEntry::action).distinct().sorted().forEach(actions::add);
            action.set(actions.contains(chosen) ? chosen : ALL_ACTIONS);
        }).onFailure(failure -> ctx.dialogs().showFailure(Messages.get("audit.loadFailed"), failure)).start();
    }

    /** Walks the hash chain in the background; reloads so a broken entry can be shown as stored. */
    public void verify() {
        work.task(() -> ctx.services().audit().verify(ctx.session())).onSuccess((AuditVerification result) -> {
            check.set(result.intact() ? Check.INTACT : Check.BROKEN);
            brokenSeq.set(result.intact() ? -1 : result.firstBrokenSeq());
            checkText.set(result.intact()
                    ? Messages.format("audit.verify.intact", result.message())
                    : Messages.format("audit.verify.broken", result.firstBrokenSeq(), result.message()));
            reload();
        }).onFailure(failure -> {
            check.set(Check.FAILED);
            brokenSeq.set(-1);
            checkText.set(ErrorText.sentence(failure));
        }).start();
    }

    /**
     * Whether the entry the last check found broken is among those held: one older than the newest
     * {@link #MOST_SHOWN} is named by the check's sentence but cannot be shown in the table.
     */
    public BooleanBinding brokenShownProperty() {
        return brokenShown;
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
        target.set("");
        from.set(null);
        to.set(null);
    }

    private void refilter() {
        String chosen = action.get() == null ? ALL_ACTIONS : action.get();
        String who = actor.get() == null ? "" : actor.get().strip().toLowerCase(Locale.ROOT);
        String what = target.get() == null ? "" : target.get().strip().toLowerCase(Locale.ROOT);
        Instant start = from.get() == null ? null : from.get().atStartOfDay(zone).toInstant();
        Instant end = to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant();
        filtered.setPredicate(e -> (chosen.isEmpty() || chosen.equals(e.action()))
                && (who.isEmpty() || (e.actor() != null && e.actor().toLowerCase(Locale.ROOT).contains(who)))
                && (what.isEmpty() || matchesTarget(e, what))
                && (start == null || !e.at().isBefore(start))
                && (end == null || e.at().isBefore(end)));
    }

    /** The target as shown, or as stored: both are searched, so "api_key:3" finds it too. */
    private boolean matchesTarget(AuditEntry e, String what) {
        return e.target() != null && (e.target().toLowerCase(Locale.ROOT).contains(what)
                || targetText(e).toLowerCase(Locale.ROOT).contains(what));
    }

    /** How an action choice reads: its readable name, or "All actions". */
    public static String actionText(String action) {
        return action == null || action.isEmpty() ? Messages.get("audit.allActions") : AuditActions.readable(action);
    }

    /** {@code key 3 "Reporting export"}, {@code user bob}; the target as stored when it has no name. */
    public String targetText(AuditEntry e) {
        String stored = e.target();
        String name = stored == null ? null : targetNames.get(stored);
        if (name == null) {
            return stored == null ? "" : stored;
        }
        if (stored.startsWith("api_key:")) {
            return Messages.format("audit.target.key", stored.substring("api_key:".length()), name);
        }
        return Messages.format("audit.target.user", name);
    }

    /** The time as the table shows it, in this machine's zone. */
    public String timeText(Instant at) {
        return TIME.withZone(zone).format(at);
    }

    /** The same time with the offset it was in, for the tooltip: {@code 2026-06-01 10:00:00 UTC+02:00}. */
    public String timeWithZone(Instant at) {
        return timeText(at) + " " + offsetText(zone.getRules().getOffset(at));
    }

    /**
     * The zone for the column header: "UTC+01:00" for a fixed offset; "Europe/Berlin" for a region,
     * whose offset changes with the season (each row's tooltip gives the offset it was in).
     */
    public String zoneText() {
        return zone.getRules().isFixedOffset()
                ? offsetText(zone.getRules().getOffset(Instant.EPOCH)) : zone.getId();
    }

    private static String offsetText(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
    }

    /**
     * Asks where to write the entries shown (filtered, in the table's order), then writes them in
     * the background through a temporary file renamed into place, so no half-written export is left.
     */
    public void export(AuditExport.Format format) {
        String day = LocalDate.ofInstant(ctx.clock().instant(), zone).toString();
        Path file = files.chooseExportTarget("keydesk-audit-" + day + "." + format.extension);
        if (file == null) {
            return;
        }
        List<AuditEntry> shown = List.copyOf(sorted);
        exportStatus.set("");
        work.task(() -> {
            PrivateFile.replace(file, AuditExport.write(format, shown, this::targetText));
            return shown.size();
        }).onSuccess(written -> exportStatus.set(Messages.format("audit.export.done", written, file.getFileName())))
                .onFailure(failure -> {
                    boolean io = failure instanceof IOException;
                    ctx.dialogs().showError(Messages.get("audit.export.failed"), io
                            ? Messages.format("audit.export.ioFailed", file, failure.getMessage())
                            : ErrorText.sentence(failure), io || ErrorText.isExpected(failure) ? null : failure);
                }).start();
    }

    public ZoneId zone() { return zone; }
    public ObservableList<AuditEntry> entries() { return entries; }
    public FilteredList<AuditEntry> filteredEntries() { return filtered; }
    public SortedList<AuditEntry> sortedEntries() { return sorted; }
    public ObservableList<String> actionChoices() { return actions; }
    public StringProperty actionProperty() { return action; }
    public StringProperty actorProperty() { return actor; }
    public StringProperty targetProperty() { return target; }
    public StringProperty exportStatusProperty() { return exportStatus; }
    public ObjectProperty<LocalDate> fromProperty() { return from; }
    public ObjectProperty<LocalDate> toProperty() { return to; }
    public ReadOnlyBooleanProperty busyProperty() { return work.runningProperty(); }
    public ObjectProperty<Check> checkProperty() { return check; }
    public StringProperty checkTextProperty() { return checkText; }
    public LongProperty brokenSeqProperty() { return brokenSeq; }
    public StringBinding countProperty() { return count; }
}
