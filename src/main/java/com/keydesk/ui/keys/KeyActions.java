package com.keydesk.ui.keys;

import com.keydesk.domain.IssuedKey;
import com.keydesk.service.KeyService;
import com.keydesk.ui.ErrorText;
import com.keydesk.ui.Messages;
import com.keydesk.ui.SignedIn;
import com.keydesk.ui.keys.copy.CopyNowViewModel;
import com.keydesk.ui.keys.text.DisplayStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The verbs on a table's selection: disable/enable (one action), revoke, replace. Bulk
 * actions confirm naming the count; revoking a site key asks for its name to be typed.
 */
public final class KeyActions {
    private final SignedIn ctx;
    private final KeyDialogs keyDialogs;
    private final ObservableList<KeyRow> selected;
    private final Runnable refresh;
    private final boolean isAdmin;
    private final BooleanBinding enables;
    private final StringBinding toggleText;
    private final BooleanBinding canToggle;
    private final BooleanBinding canRevoke;
    private final BooleanBinding canReplace;

    KeyActions(SignedIn ctx, KeyDialogs keyDialogs, ObservableList<KeyRow> selected, boolean admin,
               ReadOnlyBooleanProperty mayManage, Runnable refresh) {
        this.ctx = ctx;
        this.keyDialogs = keyDialogs;
        this.selected = selected;
        this.refresh = refresh;
        this.isAdmin = admin;
        // With anything switched on in the selection the action switches off; otherwise it switches on.
        enables = Bindings.createBooleanBinding(() -> !selected.isEmpty() && selected.stream().noneMatch(r -> r.status().switchedOn()), selected);
        toggleText = Bindings.createStringBinding(() -> Messages.get(enables.get() ? "action.enable" : "action.disable"), enables);
        canToggle = Bindings.createBooleanBinding(() -> !selected.isEmpty()
                && (enables.get() ? mayManage.get() && selected.stream().anyMatch(r -> mayEnable(r, admin))
                : true), selected, enables, mayManage);
        canRevoke = Bindings.createBooleanBinding(() -> !selected.isEmpty() && mayManage.get(), selected, mayManage);
        canReplace = Bindings.createBooleanBinding(() -> selected.size() == 1 && mayManage.get()
                && selected.getFirst().status() != DisplayStatus.EXPIRED
                && selected.getFirst().status() != DisplayStatus.OWNER_DEACTIVATED, selected, mayManage);
    }

    /** Disables every working key selected, or (if none works) enables every disabled one. */
    public void toggleEnabled() {
        if (!canToggle.get()) {
            return;
        }
        boolean enable = enables.get();
        List<KeyRow> targets = selected.stream()
                .filter(r -> enable ? mayEnable(r, isAdmin) : r.status().switchedOn()).toList();
        if (targets.size() > 1 && !ctx.dialogs().confirm(
                Messages.format(enable ? "bulk.enable.heading" : "bulk.disable.heading", targets.size()),
                Messages.format(enable ? "bulk.enable.sentence" : "bulk.disable.sentence", targets.size())
                        + KeyList.below(targets),
                Messages.format(enable ? "bulk.enable.confirm" : "bulk.disable.confirm", targets.size()))) {
            return;
        }
        KeyService keys = ctx.services().keys();
        runOnEach(targets, row -> {
            if (enable) {
                keys.enable(ctx.session(), row.id(), null);
            } else {
                keys.disable(ctx.session(), row.id());
            }
        }, enable ? "action.enable.failed" : "action.disable.failed", enable ? "confirm.enabled" : "confirm.disabled");
    }

    /** Only an administrator may enable a key an administrator disabled (the service refuses it too). */
    private static boolean mayEnable(KeyRow row, boolean admin) {
        return row.status() == DisplayStatus.DISABLED && (admin || !row.disabledByAdmin());
    }

    public void revoke() {
        if (!canRevoke.get()) {
            return;
        }
        List<KeyRow> targets = List.copyOf(selected);
        if (!confirmRevoke(targets)) {
            return;
        }
        KeyService keys = ctx.services().keys();
        runOnEach(targets, row -> keys.revoke(ctx.session(), row.id()), "revoke.failed", "confirm.revoked");
    }

    private boolean confirmRevoke(List<KeyRow> targets) {
        boolean anySite = targets.stream().anyMatch(KeyRow::isSiteKey);
        if (targets.size() == 1) {
            KeyRow row = targets.getFirst();
            String heading = Messages.format("revoke.heading", row.name());
            String sentence = Messages.format(row.isSiteKey() ? "revoke.sentence.site" : "revoke.sentence",
                    row.name(), row.label());
            return row.isSiteKey()
                    ? ctx.dialogs().confirmByTyping(heading, sentence, row.name(), Messages.get("revoke.confirm"))
                    : ctx.dialogs().confirm(heading, sentence, Messages.get("revoke.confirm"));
        }
        String heading = Messages.format("revoke.bulk.heading", targets.size());
        String sentence = Messages.format(anySite ? "revoke.bulk.sentence.site" : "revoke.bulk.sentence", targets.size())
                + KeyList.below(targets);
        String confirm = Messages.format("revoke.bulk.confirm", targets.size());
        return anySite
                ? ctx.dialogs().confirmByTyping(heading, sentence, Messages.format("revoke.bulk.expected", targets.size()), confirm)
                : ctx.dialogs().confirm(heading, sentence, confirm);
    }

    /** "I lost this key": explains, then revokes and re-creates it in one step and shows the new secret. */
    public void replace() {
        if (!canReplace.get()) {
            return;
        }
        KeyRow row = selected.getFirst();
        if (!ctx.dialogs().confirm(Messages.format("replace.heading", row.name()),
                Messages.format("replace.sentence", row.name(), row.label()),
                Messages.get("replace.confirm"))) {
            return;
        }
        ctx.tasks().run(() -> ctx.services().keys().replace(ctx.session(), row.id()),
                (IssuedKey issued) -> {
                    CopyNowViewModel copyNow = new CopyNowViewModel(issued, ctx.clipboard(), ctx.dialogs(), ctx.clock());
                    refresh.run();
                    keyDialogs.showCopyNow(copyNow);
                    ctx.confirmations().show(Messages.format("confirm.replaced", row.name()));
                },
                failure -> {
                    refresh.run();
                    showFailure("replace.failed", failure);
                });
    }

    private interface KeyCall {
        void apply(KeyRow row);
    }

    /**
     * Runs one call per key in the background; confirms how many went through ({@code confirmKey}:
     * the key's name for one, the count for more) and reports the first failure.
     */
    private void runOnEach(List<KeyRow> targets, KeyCall call, String failedHeading, String confirmKey) {
        List<KeyRow> done = new ArrayList<>();
        ctx.tasks().run(() -> {
            List<RuntimeException> failures = new ArrayList<>();
            for (KeyRow row : targets) {
                try {
                    call.apply(row);
                    done.add(row);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }
            return failures;
        }, failures -> {
            refresh.run();
            if (!done.isEmpty()) {
                ctx.confirmations().show(Messages.format(confirmKey, done.size(), done.getFirst().name()));
            }
            if (!failures.isEmpty()) {
                RuntimeException first = failures.getFirst();
                String sentence = targets.size() == 1 ? ErrorText.sentence(first)
                        : Messages.format("bulk.partial", targets.size() - failures.size(), targets.size(),
                        ErrorText.sentence(first));
                ctx.dialogs().showError(Messages.get(failedHeading), sentence,
                        ErrorText.isExpected(first) ? null : first);
            }
        }, failure -> {
            refresh.run();
            showFailure(failedHeading, failure);
        });
    }

    private void showFailure(String headingKey, Throwable failure) {
        ctx.dialogs().showError(Messages.get(headingKey), ErrorText.sentence(failure),
                ErrorText.isExpected(failure) ? null : failure);
    }

    public StringBinding toggleTextProperty() { return toggleText; }
    public BooleanBinding canToggleProperty() { return canToggle; }
    public BooleanBinding canRevokeProperty() { return canRevoke; }
    public BooleanBinding canReplaceProperty() { return canReplace; }
}
