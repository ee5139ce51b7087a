package com.keydesk.service;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.NotFoundException;
import com.keydesk.domain.PermissionDeniedException.Rule;
import com.keydesk.store.KeySeek;
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
 * The store reads a page as one index range from the previous page's last key (a keyset, see
 * store/KeyPageQueries): the hundredth page of 10,000 costs what the first does, in any order.
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
            KeyQuery.Position after = query.after();
            // one more than the page: whether another page follows, without a second query
            KeySeek seek = new KeySeek(ownerId, siteKeysOnly, query.expiresEq(), query.expiresGt(), query.expiresGte(),
                    query.expiresLt(), query.expiresLte(), order(query.order()), after == null ? null : after.id(),
                    after == null ? null : after.expiresAt(), query.limit() + 1);
            List<ApiKey> found = new ArrayList<>(Math.min(query.limit() + 1, 1_024));
            KeyStream.page(tx, seek, found::add);
            boolean more = found.size() > query.limit();
            return new KeyPage(List.copyOf(more ? found.subList(0, query.limit()) : found), more);
        });
    }

    private static KeySeek.Order order(KeyQuery.Order order) {
        return switch (order) {
            case NEWEST_FIRST -> KeySeek.Order.NEWEST_FIRST;
            case EXPIRES_ASC -> KeySeek.Order.EXPIRES_ASC;
            case EXPIRES_DESC -> KeySeek.Order.EXPIRES_DESC;
        };
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
}
