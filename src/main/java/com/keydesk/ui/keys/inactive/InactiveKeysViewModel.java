package com.keydesk.ui.keys.inactive;

import com.keydesk.domain.InactiveKey;
import com.keydesk.domain.KeyType;
import com.keydesk.service.InactiveKeys;
import com.keydesk.ui.BackgroundWork;
import com.keydesk.ui.Messages;
import com.keydesk.ui.SignedIn;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The keys of one table that no longer work, as GitLab lists inactive tokens: revoked keys (the
 * audit trail keeps their name, owner, who revoked them and when) and expired ones. Read in the
 * background and capped at {@link #LIMIT}: the service decides whose keys this person may see.
 */
public final class InactiveKeysViewModel {
    /** The newest this many are shown; a sentence says when there are more (the audit log has every one). */
    public static final int LIMIT = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SignedIn ctx;
    private final KeyType type;
    private final boolean showsOwner;
    private final ZoneId zone;
    private final ObservableList<InactiveRow> rows = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BackgroundWork work;

    /** {@code type}: the table's key type (null: both); {@code showsOwner}: whether the owner column is worth showing. */
    public InactiveKeysViewModel(SignedIn ctx, KeyType type, boolean showsOwner, ZoneId zone) {
        this.ctx = ctx;
        this.type = type;
        this.showsOwner = showsOwner;
        this.zone = zone;
        this.work = new BackgroundWork(ctx.tasks(), error::set);
    }

    public void load() {
        error.set("");
        work.task(() -> ctx.services().keys().inactive(ctx.session(), type, LIMIT)).onSuccess((InactiveKeys found) -> {
            rows.setAll(found.keys().stream().map(this::row).toList());
            summary.set(found.more() ? Messages.format("inactive.capped", LIMIT)
                    : Messages.format("inactive.count", found.keys().size()));
        }).start();
    }

    private InactiveRow row(InactiveKey key) {
        String state = switch (key.kind()) {
            case REVOKED -> "inactive.revoked";
            case REPLACED -> "inactive.replaced";
            case EXPIRED -> "inactive.expired";
        };
        return new InactiveRow(key.id(), key.name(),
                key.ownerUsername() == null ? Messages.get("inactive.siteKey") : key.ownerUsername(),
                Messages.get(state),
                key.revokedBy() == null ? "" : key.revokedBy(),
                WHEN.withZone(zone).format(key.at()));
    }

    public String zoneText() {
        return Messages.format("inactive.zone", zone.getId());
    }

    public boolean showsOwner() { return showsOwner; }
    public ObservableList<InactiveRow> rows() { return rows; }
    public StringProperty summaryProperty() { return summary; }
    public StringProperty errorProperty() { return error; }
    public ReadOnlyBooleanProperty busyProperty() { return work.runningProperty(); }
}
