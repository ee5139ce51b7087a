package com.keydesk.store;

import com.keydesk.domain.User;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static com.keydesk.store.Times.fromDb;
import static com.keydesk.store.Times.toDb;
import static com.keydesk.store.generated.Tables.API_KEY;
import static com.keydesk.store.generated.Tables.APP_USER;

/** Users in the store. Usernames are unique regardless of case. */
public final class UserRepository {
    private static final Field<Integer> KEY_COUNT = DSL.field(
            DSL.selectCount().from(API_KEY).where(API_KEY.USER_ID.eq(APP_USER.ID))).as("key_count");

    private final DSLContext dsl;

    public UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public static String usernameKey(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    public long insert(String username, String displayName, boolean admin, String passwordHash, Instant now) {
        return dsl.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.USERNAME_KEY, usernameKey(username))
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.IS_ADMIN, admin)
                .set(APP_USER.ACTIVE, true)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.CREATED_AT, toDb(now))
                .returning(APP_USER.ID)
                .fetchOne(APP_USER.ID);
    }

    public Optional<User> findByUsername(String username) {
        return dsl.select(APP_USER.fields()).select(KEY_COUNT).from(APP_USER)
                .where(APP_USER.USERNAME_KEY.eq(usernameKey(username)))
                .fetchOptional(UserRepository::toUser);
    }

    public Optional<User> findById(long id) {
        return dsl.select(APP_USER.fields()).select(KEY_COUNT).from(APP_USER)
                .where(APP_USER.ID.eq(id))
                .fetchOptional(UserRepository::toUser);
    }

    public Optional<String> passwordHash(long userId) {
        return dsl.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.ID.eq(userId)).fetchOptional(APP_USER.PASSWORD_HASH);
    }

    public List<User> list() {
        return dsl.select(APP_USER.fields()).select(KEY_COUNT).from(APP_USER)
                .orderBy(APP_USER.USERNAME_KEY)
                .fetch(UserRepository::toUser);
    }

    /**
     * Counts active administrators and locks their rows until the transaction ends, so two
     * concurrent demotions cannot both see "another administrator is left".
     */
    /** How many active administrators there are, without locking them: for questions, not changes. */
    public int countActiveAdmins() {
        return dsl.fetchCount(APP_USER, APP_USER.IS_ADMIN.isTrue().and(APP_USER.ACTIVE.isTrue()));
    }

    public int lockActiveAdmins() {
        return dsl.selectFrom(APP_USER).where(APP_USER.IS_ADMIN.isTrue().and(APP_USER.ACTIVE.isTrue()))
                .forUpdate().fetch().size();
    }

    public void setAdmin(long id, boolean admin) {
        dsl.update(APP_USER).set(APP_USER.IS_ADMIN, admin).where(APP_USER.ID.eq(id)).execute();
    }

    public void setActive(long id, boolean active) {
        dsl.update(APP_USER).set(APP_USER.ACTIVE, active).where(APP_USER.ID.eq(id)).execute();
    }

    /** The person's own new password: any reset's "must change" ends with it. */
    public void setPasswordHash(long id, String hash) {
        dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, hash).set(APP_USER.MUST_CHANGE_PASSWORD, false)
                .where(APP_USER.ID.eq(id)).execute();
    }

    /** A password an administrator set: the user must change it at their next sign-in. */
    public void resetPassword(long id, String hash) {
        dsl.update(APP_USER).set(APP_USER.PASSWORD_HASH, hash).set(APP_USER.MUST_CHANGE_PASSWORD, true)
                .where(APP_USER.ID.eq(id)).execute();
    }

    public void setDisplayName(long id, String displayName) {
        dsl.update(APP_USER).set(APP_USER.DISPLAY_NAME, displayName).where(APP_USER.ID.eq(id)).execute();
    }

    private static User toUser(Record r) {
        return new User(r.get(APP_USER.ID), r.get(APP_USER.USERNAME), r.get(APP_USER.DISPLAY_NAME),
                r.get(APP_USER.IS_ADMIN), r.get(APP_USER.ACTIVE), fromDb(r.get(APP_USER.CREATED_AT)),
                r.get(KEY_COUNT), r.get(APP_USER.MUST_CHANGE_PASSWORD));
    }
}
