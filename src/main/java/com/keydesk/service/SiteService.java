package com.keydesk.service;

import com.keydesk.domain.Site;
import com.keydesk.store.SiteRepository;

import static com.keydesk.domain.AuditEntry.OUTCOME_OK;

/** The site and its setting. */
public final class SiteService {
    private final Guard guard;
    private final AuditLog audit;

    SiteService(Guard guard, AuditLog audit) {
        this.guard = guard;
        this.audit = audit;
    }

    /** Every signed-in person may read the site's name and setting: it decides what their screen offers. */
    public Site site(Session session) {
        return guard.run(session, (tx, actor) -> KeyService.site(tx));
    }

    public Site setUsersCanCreateApiKeys(Session session, boolean allowed) {
        return guard.run(session, (tx, actor) -> {
            String action = "site.settings_changed";
            Policy.requireAdmin(actor, action, "site");
            RowBinding.requireSite(tx);
            new SiteRepository(tx).setUsersCanCreateApiKeys(allowed);
            audit.append(tx, actor.username(), action, "site", OUTCOME_OK, "users_can_create_api_keys=" + allowed,
                    RowBinding.ofSite(tx));
            return KeyService.site(tx);
        });
    }
}
