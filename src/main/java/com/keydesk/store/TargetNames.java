package com.keydesk.store;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.keydesk.store.generated.Tables.API_KEY;
import static com.keydesk.store.generated.Tables.APP_USER;

/**
 * The current names of keys and users an audit page mentions, read in one query (keys and users
 * together) per few thousand ids: PostgreSQL takes at most 32,767 bound values in a statement.
 */
public final class TargetNames {
    private static final int CHUNK = 10_000;
    private static final String KEY = "k";

    /** Key names and usernames by id; an id with no row (a revoked key) is left out. */
    public record Found(Map<Long, String> keyNames, Map<Long, String> usernames) {
    }

    private TargetNames() {
    }

    public static Found of(DSLContext dsl, Collection<Long> keyIds, Collection<Long> userIds) {
        Map<Long, String> keys = new HashMap<>();
        Map<Long, String> users = new HashMap<>();
        List<Long> allKeys = new ArrayList<>(keyIds);
        List<Long> allUsers = new ArrayList<>(userIds);
        for (int k = 0, u = 0; k < allKeys.size() || u < allUsers.size(); ) {
            List<Long> someKeys = allKeys.subList(k, Math.min(allKeys.size(), k + CHUNK / 2));
            List<Long> someUsers = allUsers.subList(u, Math.min(allUsers.size(), u + CHUNK / 2));
            k += someKeys.size();
            u += someUsers.size();
            dsl.select(DSL.inline(KEY).as("kind"), API_KEY.ID, API_KEY.NAME).from(API_KEY).where(API_KEY.ID.in(someKeys))
                    .unionAll(DSL.select(DSL.inline("u").as("kind"), APP_USER.ID, APP_USER.USERNAME).from(APP_USER)
                            .where(APP_USER.ID.in(someUsers)))
                    .forEach(r -> (KEY.equals(r.value1()) ? keys : users).put(r.value2(), r.value3()));
        }
        return new Found(keys, users);
    }
}
