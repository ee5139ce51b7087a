package com.keydesk.store;

import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.KeyType;
import com.keydesk.store.generated.tables.AppUser;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.List;

import static com.keydesk.store.Times.fromDb;
import static com.keydesk.store.Times.toDb;
import static com.keydesk.store.generated.Tables.API_KEY;
import static com.keydesk.store.generated.Tables.APP_USER;
import static com.keydesk.store.generated.Tables.AUDIT_ENTRY;

/**
 * The raw rows of keys that no longer work, newest first and at most {@code limit}: the audit
 * entries that revoked keys (a revoked key's row is deleted) and the keys past their expiry.
 * The service reads what a revoked key was from the entry and decides who may see which.
 */
public final class InactiveRows {
    static final String REVOKED = "api_key.revoked";
    static final String REPLACED = "api_key.replaced";
    private static final AppUser OWNER = APP_USER.as("owner");

    /**
     * An entry that revoked a key: its target ({@code api_key:3}) and the detail describing the key;
     * {@code replaced} when a replace revoked it.
     */
    public record Revocation(long seq, Instant at, String actor, String target, String detail, boolean replaced) {
    }

    /** A key past its expiry. {@code ownerUsername} is null for a site key. */
    public record Expired(long id, String name, String ownerUsername, Instant expiresAt) {
    }

    private InactiveRows() {
    }

    /**
     * The newest revocations older than entry {@code beforeSeq} (null: from the newest).
     * {@code detailHints} narrow the read to entries whose detail contains every one (the owner and
     * type as the key's description records them): only a narrowing, since a key's name is inside
     * the detail too, so the service checks each entry it gets and reads on from the last one's
     * {@code seq} when it dropped some. Walks the log backwards and stops after {@code limit} rows.
     */
    public static List<Revocation> revocations(DSLContext dsl, List<String> detailHints, Long beforeSeq, int limit) {
        Condition where = AUDIT_ENTRY.ACTION.eq(REVOKED).and(AUDIT_ENTRY.OUTCOME.eq(AuditEntry.OUTCOME_OK));
        for (String hint : detailHints) {
            where = where.and(AUDIT_ENTRY.DETAIL.contains(hint));   // jOOQ escapes % and _ in the hint
        }
        if (beforeSeq != null) {
            where = where.and(AUDIT_ENTRY.SEQ.lt(beforeSeq));
        }
        // A replace appends the old key's revocation and, as the very next entry of the same
        // transaction (the audit head is locked), "replaces api_key:OLD (…)". Told apart by that
        // entry, never by the revocation's detail: a revoke reason is free text and could mimic it.
        com.keydesk.store.generated.tables.AuditEntry next = AUDIT_ENTRY.as("next_entry");
        Condition replacedBy = next.SEQ.eq(AUDIT_ENTRY.SEQ.plus(1)).and(next.ACTION.eq(REPLACED))
                .and(next.OUTCOME.eq(AuditEntry.OUTCOME_OK))
                .and(next.DETAIL.startsWith(DSL.concat(DSL.inline("replaces "), AUDIT_ENTRY.TARGET, DSL.inline(" ("))));
        return dsl.select(AUDIT_ENTRY.SEQ, AUDIT_ENTRY.AT, AUDIT_ENTRY.ACTOR, AUDIT_ENTRY.TARGET, AUDIT_ENTRY.DETAIL,
                        DSL.field(DSL.exists(DSL.selectOne().from(next).where(replacedBy))))
                .from(AUDIT_ENTRY).where(where).orderBy(AUDIT_ENTRY.SEQ.desc()).limit(limit)
                .fetch(r -> new Revocation(r.value1(), fromDb(r.value2()), r.value3(), r.value4(), r.value5(),
                        Boolean.TRUE.equals(r.value6())));
    }

    /** The usernames of today's administrators: who may have revoked a key that was not their own. */
    public static java.util.Set<String> administrators(DSLContext dsl) {
        return java.util.Set.copyOf(dsl.select(APP_USER.USERNAME).from(APP_USER).where(APP_USER.IS_ADMIN.isTrue())
                .fetch(r -> r.value1()));
    }

    /** Keys whose expiry is at or before {@code now}, the most recently expired first. */
    public static List<Expired> expired(DSLContext dsl, Long ownerId, KeyType type, Instant now, int limit) {
        Condition where = API_KEY.EXPIRES_AT.le(toDb(now));
        if (ownerId != null) {
            where = where.and(API_KEY.USER_ID.eq(ownerId));
        }
        if (type != null) {
            where = where.and(type == KeyType.SITE ? API_KEY.USER_ID.isNull() : API_KEY.USER_ID.isNotNull());
        }
        return dsl.select(API_KEY.ID, API_KEY.NAME, OWNER.USERNAME, API_KEY.EXPIRES_AT)
                .from(API_KEY).leftJoin(OWNER).on(OWNER.ID.eq(API_KEY.USER_ID))
                .where(where).orderBy(API_KEY.EXPIRES_AT.desc(), API_KEY.ID.desc()).limit(limit)
                .fetch(r -> new Expired(r.value1(), r.value2(), r.value3(), fromDb(r.value4())));
    }
}
