package com.keydesk.ui.scan;

import com.keydesk.domain.IssuedKey;
import com.keydesk.scan.Finding;
import com.keydesk.scan.LeakScanner;
import com.keydesk.service.LeakService.FoundKey;
import com.keydesk.ui.BackgroundWork;
import com.keydesk.ui.ErrorText;
import com.keydesk.ui.FilePicker;
import com.keydesk.ui.Messages;
import com.keydesk.ui.SignedIn;
import com.keydesk.ui.keys.KeyDialogs;
import com.keydesk.ui.keys.copy.CopyNowViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * "Scan for leaked keys…": pick a folder, scan it off the JavaFX thread (progress, Cancel), name
 * what was found through the services, then revoke or replace the selected keys. The secrets found
 * are dropped once named: the rows hold only masked keys and ids.
 */
public final class ScanViewModel {
    private static final long PROGRESS_EVERY_MS = 100;

    private final SignedIn ctx;
    private final FilePicker files;
    private final KeyDialogs keyDialogs;
    private final Consumer<Runnable> onUiThread;
    private final ObservableList<ScanRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ScanRow> selected = FXCollections.observableArrayList();
    private final BackgroundWork scanning;
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty(Messages.get("scan.intro"));
    private final BooleanBinding canRevoke;
    private final BooleanBinding canReplace;
    private volatile AtomicBoolean cancel = new AtomicBoolean();

    /**
     * @param onUiThread runs a progress update on the UI thread (Platform::runLater; tests: Runnable::run)
     */
    public ScanViewModel(SignedIn ctx, FilePicker files, KeyDialogs keyDialogs, Consumer<Runnable> onUiThread) {
        this.ctx = ctx;
        this.scanning = new BackgroundWork(ctx.tasks(), summary::set);
        this.files = files;
        this.keyDialogs = keyDialogs;
        this.onUiThread = onUiThread;
        canRevoke = Bindings.createBooleanBinding(() -> !scanning.isRunning()
                && selected.stream().anyMatch(r -> r.status().live()), selected, scanning.runningProperty());
        canReplace = Bindings.createBooleanBinding(() -> !scanning.isRunning()
                && selected.stream().anyMatch(ScanViewModel::replaceable), selected, scanning.runningProperty());
    }

    private record Outcome(List<ScanRow> rows, LeakScanner.Summary summary) {
    }

    public void chooseFolderAndScan() {
        Path folder = files.chooseFolderToScan();
        if (folder != null) {
            scan(folder);
        }
    }

    public void scan(Path folder) {
        if (scanning.isRunning()) {
            return;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        cancel = cancelled;
        rows.clear();
        selected.clear();
        progress.set(Messages.format("scan.progress.start", folder));
        scanning.task(() -> scanAndName(folder, cancelled)).onSuccess(outcome -> {
            progress.set("");
            rows.setAll(outcome.rows());
            summary.set(Messages.format("scan.summary", outcome.summary().files(), outcome.rows().size(), folder));
        }).onFailure(failure -> {
            progress.set("");
            if (failure instanceof CancellationException) {
                summary.set(Messages.get("scan.cancelled"));
            } else {
                summary.set("");
                ctx.dialogs().showFailure(Messages.get("scan.failed"), failure);
            }
        }).start();
    }

    /** Stops a running scan at its next buffer; nothing found so far is shown. */
    public void cancel() {
        cancel.set(true);
    }

    /** Runs on a worker thread: scans, then names every finding in one service call. */
    private Outcome scanAndName(Path folder, AtomicBoolean cancelled) {
        List<Finding> findings = new ArrayList<>();
        long[] lastPublished = {0};
        long[] scannedFiles = {0};
        LeakScanner.Summary summary = new LeakScanner(LeakScanner.Options.plain(), cancelled::get)
                .scan(List.of(folder.toString()), InputStream.nullInputStream(), new LeakScanner.Listener() {
                    @Override
                    public void found(Finding finding) {
                        findings.add(finding);
                    }

                    @Override
                    public void scanned(String path, long bytes) {
                        scannedFiles[0]++;
                        long now = System.currentTimeMillis();
                        if (now - lastPublished[0] >= PROGRESS_EVERY_MS) {
                            lastPublished[0] = now;
                            String text = Messages.format("scan.progress", scannedFiles[0], findings.size(), path);
                            onUiThread.accept(() -> {
                                if (scanning.isRunning()) {
                                    progress.set(text);
                                }
                            });
                        }
                    }
                });
        List<FoundKey> names = findings.isEmpty() ? List.of()
                : ctx.services().leaks().name(ctx.session(), findings.stream().map(Finding::key).toList());
        List<ScanRow> out = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            FoundKey k = names.get(i);
            // Shown relative to the folder chosen (it is in the summary above the table); audited in full.
            Path file = Path.of(f.path());
            out.add(new ScanRow(folder.relativize(file).toString(), file.toAbsolutePath().normalize().toString(), f.line(),
                    f.column(), f.masked(), k.keyId(), k.name(), k.owner(), ScanStatus.of(k)));
        }
        return new Outcome(out, summary);
    }

    /** Revokes each distinct live key (active, or its owner deactivated) among the selected findings, after one confirmation. */
    public void revokeSelected() {
        if (!canRevoke.get()) {
            return;
        }
        Map<Long, ScanRow> targets = distinctKeys(r -> r.status().live());
        if (!ctx.dialogs().confirm(Messages.format("scan.revoke.heading", targets.size()),
                Messages.format("scan.revoke.sentence", targets.size(), names(targets)),
                Messages.format("scan.revoke.confirm", targets.size()))) {
            return;
        }
        ctx.tasks().run(() -> {
            List<Long> revoked = new ArrayList<>();
            List<RuntimeException> failures = new ArrayList<>();
            for (ScanRow row : targets.values()) {
                try {
                    ctx.services().keys().revoke(ctx.session(), row.keyId(), "found in " + row.absolute());
                    revoked.add(row.keyId());
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
            return new Done(revoked, failures);
        }, done -> {
            mark(done.changed(), ScanStatus.REVOKED);
            if (!done.failures().isEmpty()) {
                ctx.dialogs().showError(Messages.get("revoke.failed"), ErrorText.sentence(done.failures().getFirst()), null);
            }
        }, failure -> ctx.dialogs().showFailure(Messages.get("revoke.failed"), failure));
    }

    private record Done(List<Long> changed, List<RuntimeException> failures) {
    }

    /**
     * Replaces each distinct selected key the person may know (revoke and create anew), one after
     * the other: the copy-now dialog for each new key closes before the next key is replaced.
     */
    public void replaceSelected() {
        if (!canReplace.get()) {
            return;
        }
        Map<Long, ScanRow> targets = distinctKeys(ScanViewModel::replaceable);
        if (!ctx.dialogs().confirm(Messages.format("scan.replace.heading", targets.size()),
                Messages.format("scan.replace.sentence", targets.size(), names(targets)),
                Messages.format("scan.replace.confirm", targets.size()))) {
            return;
        }
        replaceNext(new ArrayDeque<>(targets.values()));
    }

    private void replaceNext(Deque<ScanRow> queue) {
        ScanRow row = queue.poll();
        if (row == null) {
            return;
        }
        ctx.tasks().run(() -> ctx.services().keys().replace(ctx.session(), row.keyId()), (IssuedKey issued) -> {
            mark(List.of(row.keyId()), ScanStatus.REPLACED);
            keyDialogs.showCopyNow(new CopyNowViewModel(issued, ctx.clipboard(), ctx.dialogs(), ctx.clock()));
            replaceNext(queue);
        }, failure -> ctx.dialogs().showFailure(Messages.get("replace.failed"), failure));
    }

    private static boolean replaceable(ScanRow r) {
        return r.status().live() || r.status() == ScanStatus.DISABLED;
    }

    private Map<Long, ScanRow> distinctKeys(java.util.function.Predicate<ScanRow> wanted) {
        Map<Long, ScanRow> byKey = new LinkedHashMap<>();
        for (ScanRow row : selected) {
            if (row.keyId() != null && wanted.test(row)) {
                byKey.putIfAbsent(row.keyId(), row);
            }
        }
        return byKey;
    }

    private static String names(Map<Long, ScanRow> targets) {
        return String.join(", ", targets.values().stream().map(r -> "“" + r.name() + "”").toList());
    }

    /** Every row of these keys (a key may lie in several places) takes the new status. */
    private void mark(List<Long> keyIds, ScanStatus status) {
        for (int i = 0; i < rows.size(); i++) {
            ScanRow row = rows.get(i);
            if (row.keyId() != null && keyIds.contains(row.keyId())) {
                rows.set(i, row.withStatus(status));
            }
        }
        selected.clear();
    }

    public ObservableList<ScanRow> rows() { return rows; }
    public ObservableList<ScanRow> selected() { return selected; }
    public ReadOnlyBooleanProperty runningProperty() { return scanning.runningProperty(); }
    public StringProperty progressProperty() { return progress; }
    public StringProperty summaryProperty() { return summary; }
    public BooleanBinding canRevokeProperty() { return canRevoke; }
    public BooleanBinding canReplaceProperty() { return canReplace; }
}
