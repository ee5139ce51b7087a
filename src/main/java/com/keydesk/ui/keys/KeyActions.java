package com.keydesk.ui.keys;

import com.keydesk.domain.Allowed;
import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.KeyActionsAllowed;
import com.keydesk.service.KeyService;
import com.keydesk.ui.ErrorText;
import com.keydesk.ui.Messages;
import com.keydesk.ui.SignedIn;
import com.keydesk.ui.keys.copy.CopyNowViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The verbs on a table's selection: disable/enable (one action), revoke, replace. Bulk
 * actions confirm naming the count; revoking a site key asks for its name to be typed. What may
 * be done to the selected keys is asked of the service ({@code KeyService.allowedActions}, the
 * rule code the actions run) whenever the selection changes; until it answers, nothing is offered.
 */
public final class KeyActions {
    private final SignedIn ctx;
    private final KeyDialogs keyDialogs;
    private final ObservableList<KeyRow> selected;
    private final Runnable refresh;
    /** The service's answers for the keys selected now, by key id; empty until it has answered. */
    private final ObjectProperty<Map<Long, KeyActionsAllowed>> answers = new SimpleObjectProperty<>(Map.of());
    /** Which question is the newest: an answer to an older selection is dropped. */
    private long asked;
    private final BooleanBinding enables;
    private final StringBinding toggleText;
    private final BooleanBinding canToggle;
    private final BooleanBinding canRevoke;
    private final BooleanBinding canReplace;

    /** {@code siteChanged}: flips when the site's setting may have changed what is allowed; the service is asked again. */
    KeyActions(SignedIn ctx, KeyDialogs keyDialogs, ObservableList<KeyRow> selected,
               ReadOnlyBooleanProperty siteChanged, Runnable refresh) {
        this.ctx = ctx;
        this.keyDialogs = keyDialogs;
        this.selected = selected;
        this.refresh = refresh;
        // With anything switched on in the selection the action switches off; otherwise it switches on.
        enables = Bindings.createBooleanBinding(() -> !selected.isEmpty() && selected.stream().noneMatch(r -> r.status().switchedOn()), selected);
        toggleText = Bindings.createStringBinding(() -> Messages.get(enables.get() ? "action.enable" : "action.disable"), enables);
        canToggle = Bindings.createBooleanBinding(() -> !allowedTargets(toggleAction()).isEmpty(), selected, enables, answers);
        canRevoke = Bindings.createBooleanBinding(() -> !allowedTargets(KeyActionsAllowed::revoke).isEmpty(), selected, answers);
        canReplace = Bindings.createBooleanBinding(() -> selected.size() == 1
                && !allowedTargets(KeyActionsAllowed::replace).isEmpty(), selected, answers);
        toggleReason = reason(this::toggleAction, canToggle, false);
        revokeReason = reason(() -> KeyActionsAllowed::revoke, canRevoke, false);
        replaceReason = reason(() -> KeyActionsAllowed::replace, canReplace, true);
        selected.addListener((javafx.collections.ListChangeListener<KeyRow>) change -> askAllowed());
        siteChanged.addListener((o, was, now) -> askAllowed());
    }

    private final StringBinding toggleReason;
    /** Why nothing is offered when the service could not be asked (empty while asking or answered). */
    private final javafx.beans.property.StringProperty unanswered = new javafx.beans.property.SimpleStringProperty("");
    private final StringBinding revokeReason;
    private final StringBinding replaceReason;

    /** Asks the service what may be done to the keys selected now. */
    public void askAllowed() {
        long question = ++asked;
        List<Long> ids = selected.stream().map(KeyRow::id).distinct().toList();
        answers.set(Map.of());
        unanswered.set("");
        if (ids.isEmpty()) {
            return;
        }
        ctx.tasks().run(() -> ctx.services().keys().allowedActions(ctx.session(), ids), list -> {
            if (question == asked) {
                answers.set(list.stream().collect(Collectors.toUnmodifiableMap(KeyActionsAllowed::keyId, a -> a, (a, b) -> a)));
            }
        }, failure -> {
            // the store is out of reach or the session ended: nothing is offered, and the buttons say why
            if (question == asked) {
                unanswered.set(ErrorText.sentence(failure));
            }
        });
    }

    private Function<KeyActionsAllowed, Allowed> toggleAction() {
        return enables.get() ? KeyActionsAllowed::enable : KeyActionsAllowed::disable;
    }

    /** The selected rows the service allows this action for (none until it has answered for each). */
    private List<KeyRow> allowedTargets(Function<KeyActionsAllowed, Allowed> action) {
        Map<Long, KeyActionsAllowed> known = answers.get();
        if (selected.isEmpty() || !selected.stream().allMatch(r -> known.containsKey(r.id()))) {
            return List.of();
        }
        return selected.stream().filter(r -> action.apply(known.get(r.id())).allowed()).toList();
    }

    /** The service's sentence for a refused action (the first selected key's); empty when allowed or not yet known. */
    private StringBinding reason(java.util.function.Supplier<Function<KeyActionsAllowed, Allowed>> action, BooleanBinding can,
                                 boolean oneKeyOnly) {
        return Bindings.createStringBinding(() -> {
            if (can.get() || selected.isEmpty()) {
                return "";
            }
            Map<Long, KeyActionsAllowed> known = answers.get();
            if (oneKeyOnly && selected.size() > 1) {
                return Messages.get("replace.oneAtATime");
            }
            if (known.isEmpty()) {
                return unanswered.get();
            }
            return selected.stream().map(r -> known.get(r.id())).filter(java.util.Objects::nonNull)
                    .map(a -> action.get().apply(a)).filter(Allowed::refused).map(Allowed::reason).findFirst().orElse("");
        }, can, selected, answers, unanswered);
    }

    /** Disables every working key selected, or (if none works) enables every disabled one. */
    public void toggleEnabled() {
        if (!canToggle.get()) {
            return;
        }
        boolean enable = enables.get();
        List<KeyRow> targets = allowedTargets(toggleAction());
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

    public void revoke() {
        if (!canRevoke.get()) {
            return;
        }
        List<KeyRow> targets = allowedTargets(KeyActionsAllowed::revoke);
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
                    askAllowed();
                    keyDialogs.showCopyNow(copyNow);
                    ctx.confirmations().show(Messages.format("confirm.replaced", row.name()));
                },
                failure -> {
                    refresh.run();
                    askAllowed();
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
            askAllowed();
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
            askAllowed();
            showFailure(failedHeading, failure);
        });
    }

    private void showFailure(String headingKey, Throwable failure) {
        ctx.dialogs().showFailure(Messages.get(headingKey), failure);
    }

    public StringBinding toggleTextProperty() { return toggleText; }
    public BooleanBinding canToggleProperty() { return canToggle; }
    public BooleanBinding canRevokeProperty() { return canRevoke; }
    public BooleanBinding canReplaceProperty() { return canReplace; }
    /** Why the toggle, revoke or replace is disabled, in the service's words; empty while allowed. */
    public StringBinding toggleReasonProperty() { return toggleReason; }
    public StringBinding revokeReasonProperty() { return revokeReason; }
    public StringBinding replaceReasonProperty() { return replaceReason; }
}
