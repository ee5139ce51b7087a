package com.keydesk.store;

import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.Site;
import org.jooq.DSLContext;

import java.time.Instant;
import java.util.Optional;

import static com.keydesk.store.Times.toDb;
import static com.keydesk.store.generated.Tables.SITE;

/** The single site row and its settings. */
public final class SiteRepository {
    private static final int SITE_ID = 1;
    private final DSLContext dsl;

    public SiteRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Site> find() {
        return dsl.selectFrom(SITE).where(SITE.ID.eq(SITE_ID))
                .fetchOptional(r -> new Site(r.getName(), r.getUsersCanCreateApiKeys(),
                        PermissionSet.parse(r.getDefaultPermissionSet()), r.getMaxKeyLifetimeDays()));
    }

    public void insert(String name, Instant now) {
        dsl.insertInto(SITE).set(SITE.ID, SITE_ID).set(SITE.NAME, name)
                .set(SITE.USERS_CAN_CREATE_API_KEYS, false).set(SITE.CREATED_AT, toDb(now)).execute();
    }

    public void setUsersCanCreateApiKeys(boolean allowed) {
        dsl.update(SITE).set(SITE.USERS_CAN_CREATE_API_KEYS, allowed).where(SITE.ID.eq(SITE_ID)).execute();
    }

    public void setDefaultPermissionSet(PermissionSet permission) {
        dsl.update(SITE).set(SITE.DEFAULT_PERMISSION_SET, permission.wireName()).where(SITE.ID.eq(SITE_ID)).execute();
    }

    /** Null removes the maximum. */
    public void setMaxKeyLifetimeDays(Integer days) {
        dsl.update(SITE).set(SITE.MAX_KEY_LIFETIME_DAYS, days).where(SITE.ID.eq(SITE_ID)).execute();
    }
}
