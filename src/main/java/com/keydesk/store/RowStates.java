package com.keydesk.store;

import com.keydesk.domain.Site;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import static com.keydesk.store.generated.Tables.API_KEY;
import static com.keydesk.store.generated.Tables.APP_USER;
import static com.keydesk.store.generated.Tables.SITE;

/**
 * The state of each row that grants access (a key, a user, the site) as one canonical text, read
 * exactly as stored: the service layer digests it and binds the digest to the audit chain, so a
 * row changed outside KeyDesk no longer matches. Only {@code api_key.last_use_at} is left out: the
 * verification path records it without an audit entry.
 */
public final class RowStates {
    /** What is bound, per table, in a fixed order: a column added later is not bound until listed here. */
    private static final List<Field<?>> KEY_COLUMNS = List.of(API_KEY.ID, API_KEY.LOOKUP_ID, API_KEY.SECRET_HASH,
            API_KEY.NAME, API_KEY.DESCRIPTION, API_KEY.USER_ID, API_KEY.PERMISSION_SET,
            API_KEY.PREVIOUS_PERMISSION_SET, API_KEY.DISABLED_BY_ADMIN, API_KEY.DESCRIPTIVE_LABEL,
            API_KEY.CREATED_AT, API_KEY.CREATED_BY, API_KEY.EXPIRES_AT);
    private static final List<Field<?>> USER_COLUMNS = List.of(APP_USER.ID, APP_USER.USERNAME, APP_USER.USERNAME_KEY,
            APP_USER.DISPLAY_NAME, APP_USER.IS_ADMIN, APP_USER.ACTIVE, APP_USER.PASSWORD_HASH, APP_USER.CREATED_AT);
    // app_user.must_change_password (schema 6) is left out: it grants nothing (a reset's password
    // hash is bound), and binding it would change the digest of every user row a store bound before.
    private static final List<Field<?>> SITE_COLUMNS = List.of(SITE.ID, SITE.NAME, SITE.USERS_CAN_CREATE_API_KEYS,
            SITE.CREATED_AT);
    /**
     * The site's settings added by schema 5, bound after the columns above only when one differs
     * from the value V5 gave every existing store: a store migrated from schema 4 keeps the digest
     * its audit chain recorded (a migration cannot append audit entries), and any change to either
     * setting, in KeyDesk or outside it, changes the text. The two forms cannot be confused: each
     * value is length-prefixed and the longer form has six of them.
     */
    private static final List<Field<?>> SITE_POLICY_COLUMNS = List.of(SITE.DEFAULT_PERMISSION_SET,
            SITE.MAX_KEY_LIFETIME_DAYS);
    private static final Object[] SITE_POLICY_AS_MIGRATED = {
            Site.FIRST_DEFAULT_PERMISSION_SET.wireName(), null};

    private final DSLContext dsl;

    public RowStates(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<String> key(long id) {
        return one(API_KEY, KEY_COLUMNS, API_KEY.ID.eq(id));
    }

    public Optional<String> user(long id) {
        return one(APP_USER, USER_COLUMNS, APP_USER.ID.eq(id));
    }

    public Optional<String> site() {
        List<Field<?>> columns = new ArrayList<>(SITE_COLUMNS);
        columns.addAll(SITE_POLICY_COLUMNS);
        return dsl.select(columns).from(SITE).where(SITE.ID.eq(1)).fetchOptional(row -> siteCanonical(row.intoArray()));
    }

    /** The site's state from its bound columns and then its policy columns, in the lists' order ({@link SiteCheck}). */
    static String siteCanonical(Object[] values) {
        Object[] policy = Arrays.copyOfRange(values, SITE_COLUMNS.size(), values.length);
        return canonical(Arrays.equals(policy, SITE_POLICY_AS_MIGRATED)
                ? Arrays.copyOf(values, SITE_COLUMNS.size()) : values);
    }

    /** Every key's id and state, read lazily: a store may hold a million keys. */
    public void forEachKey(BiConsumer<Long, String> each) {
        forEachKeyAfter(0, each);
    }

    /** As {@link #forEachKey}, only keys with a larger id: those a bulk insert just made. */
    public void forEachKeyAfter(long id, BiConsumer<Long, String> each) {
        all(API_KEY, KEY_COLUMNS, API_KEY.ID.gt(id), API_KEY.ID, each);
    }

    public void forEachUser(BiConsumer<Long, String> each) {
        all(APP_USER, USER_COLUMNS, org.jooq.impl.DSL.noCondition(), APP_USER.ID, each);
    }

    /** The largest key id so far (0 for none). */
    public long lastKeyId() {
        Long last = dsl.select(org.jooq.impl.DSL.max(API_KEY.ID)).from(API_KEY).fetchOne(0, Long.class);
        return last == null ? 0 : last;
    }

    private Optional<String> one(Table<?> table, List<Field<?>> columns, org.jooq.Condition which) {
        return dsl.select(columns).from(table).where(which).fetchOptional(RowStates::canonical);
    }

    private void all(Table<?> table, List<Field<?>> columns, org.jooq.Condition which, Field<Long> id,
                     BiConsumer<Long, String> each) {
        try (var cursor = dsl.select(columns).from(table).where(which).orderBy(id).fetchSize(1_000).fetchLazy()) {
            for (Record row : cursor) {
                each.accept(row.get(id), canonical(row));
            }
        }
    }

    static String canonical(Record row) {
        return canonical(row.intoArray());
    }

    /**
     * Each value length-prefixed, so that no two different rows give the same text; times as UTC
     * instants. The values in the order of the table's list above, as jOOQ reads them (Long,
     * Boolean, String, LocalDateTime): {@link KeyCheck} reads them with plain JDBC and must agree.
     */
    static String canonical(Object[] values) {
        StringBuilder out = new StringBuilder(256);
        for (Object value : values) {
            String text = value == null ? "\u0000null"
                    : value instanceof LocalDateTime time ? Times.fromDb(time).toString() : value.toString();
            out.append(text.length()).append(':').append(text).append('\n');
        }
        return out.toString();
    }
}
