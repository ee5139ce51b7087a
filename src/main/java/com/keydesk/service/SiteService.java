package com.keydesk.service;

import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.Site;
import com.keydesk.store.SiteRepository;

import java.util.function.Consumer;
import java.util.function.Supplier;

import static com.keydesk.domain.AuditEntry.OUTCOME_OK;

/** The site and its settings: each changed by administrators only, each change audited with the row it left. */
public final class SiteService {
    private final Guard guard;
    private final AuditLog audit;

    SiteService(Guard guard, AuditLog audit) {
        this.guard = guard;
        this.audit = audit;
    }

    /** Every signed-in person may read the site's name and settings: they decide what their screen offers. */
    public Site site(Session session) {
        return guard.run(session, (tx, actor) -> KeyService.site(tx));
    }

    public Site setUsersCanCreateApiKeys(Session session, boolean allowed) {
        return change(session, () -> "users_can_create_api_keys=" + allowed, site -> site.setUsersCanCreateApiKeys(allowed));
    }

    /** What a new user key gets when its creator names no permission set; any set but none. */
    public Site setDefaultPermissionSet(Session session, PermissionSet permission) {
        return change(session, () -> "default_permission_set=" + Validation.defaultPermissionSet(permission).wireName(),
                site -> site.setDefaultPermissionSet(permission));
    }

    /**
     * How many days ahead a key made by a non-administrator may expire (null: no maximum). Keys
     * that exist already keep their expiry; the maximum applies to every key made or edited after.
     */
    public Site setMaxKeyLifetimeDays(Session session, Integer days) {
        return change(session, () -> "max_key_lifetime_days=" + (Validation.maxKeyLifetimeDays(days) == null ? "none" : days),
                site -> site.setMaxKeyLifetimeDays(days));
    }

    /** The detail is computed after the administrator check, so that it may validate the input. */
    private Site change(Session session, Supplier<String> detail, Consumer<SiteRepository> write) {
        return guard.run(session, (tx, actor) -> {
            String action = "site.settings_changed";
            Policy.requireAdmin(actor, action, "site");
            String described = detail.get();
            RowBinding.requireSite(tx);
            write.accept(new SiteRepository(tx));
            audit.append(tx, actor.username(), action, "site", OUTCOME_OK, described, RowBinding.ofSite(tx));
            return KeyService.site(tx);
        });
    }
}
