package com.keydesk.service;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.NotFoundException;
import com.keydesk.domain.PermissionDeniedException.Rule;
import com.keydesk.store.KeyStream;
import com.keydesk.store.UserRepository;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Key lists a page at a time (the HTTP API's list), under the rule of every other list: an
 * administrator sees every key, anyone else their own. A page starts strictly after the key that
 * ended the previous one in the page's order, so keys added or removed between pages never make
 * a key that existed throughout appear twice or not at all.
 * <p>
 * The store streams keys newest first; a newest-first page stops reading once it is full. A
 * page sorted by expiry has to read every key the caller may see (a store query by position
 * would spare that: see the report of issue 14).
 */
public final class KeyPages {
    private final Guard guard;

    KeyPages(Guard guard) {
        this.guard = guard;
    }

    public KeyPage page(Session session, KeyQuery query) {
        return guard.run(session, (tx, actor) -> {
            Long ownerId = owner(tx, actor, query);
            boolean siteKeysOnly = query.owner() == KeyQuery.Owner.SELF && actor.siteKey();
            List<ApiKey> found = new ArrayList<>();
            boolean streamedInOrder = query.order() == KeyQuery.Order.NEWEST_FIRST;
            try {
                KeyStream.forEach(tx, ownerId, key -> {
                    if ((siteKeysOnly && key.userId() != null) || !query.matches(key) || !query.isAfterCursor(key)) {
                        return;
                    }
                    found.add(key);
                    if (streamedInOrder && found.size() > query.limit()) {
                        throw Full.INSTANCE;
                    }
                });
            } catch (Full full) {
                // the page and one more are in hand: the rest need not be read
            }
            if (!streamedInOrder) {
                found.sort(query.order().comparator());
            }
            boolean more = found.size() > query.limit();
            return new KeyPage(List.copyOf(more ? found.subList(0, query.limit()) : found), more);
        });
    }

    /** The owner whose keys to read (null: every key), as the rules let this actor ask. */
    private static Long owner(DSLContext tx, Actor actor, KeyQuery query) {
        return switch (query.owner()) {
            case ALL_VISIBLE -> actor.isAdmin() ? null : actor.id();
            case SELF -> actor.siteKey() ? null : actor.id();
            case USER -> {
                if (!actor.isAdmin() && query.userId() != actor.id()) {
                    throw new Denied(actor, "api_key.listed", RowBinding.userTarget(query.userId()),
                            "You may list only your own keys.", Rule.OTHER_USER);
                }
                new UserRepository(tx).findById(query.userId()).orElseThrow(() ->
                        new NotFoundException("There is no user with id " + query.userId() + ".", NotFoundException.Thing.USER));
                yield query.userId();
            }
        };
    }

    /** Stops the store's stream once a page is full; carries no stack trace. */
    private static final class Full extends RuntimeException {
        static final Full INSTANCE = new Full();

        private Full() {
            super(null, null, false, false);
        }
    }
}
