package com.keydesk.serve;

import com.keydesk.domain.IssuedKey;
import com.keydesk.domain.KeyEdit;
import com.keydesk.domain.KeyType;
import com.keydesk.domain.NewKey;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.ValidationException;
import com.keydesk.service.ApiAccess.Caller;
import com.keydesk.service.KeyPage;
import com.keydesk.service.KeyQuery;
import com.keydesk.service.Services;

import java.time.Instant;
import java.util.List;

/**
 * The endpoints of docs/api.md, each a thin translation from parameters to one service call and
 * from its result to Files.com's JSON. Every rule is the services'; nothing here decides who may do what.
 */
final class KeysApi {
    private final Services services;

    KeysApi(Services services) {
        this.services = services;
    }

    /** Routes a request under the base path; {@code path} starts after /api/rest/v1. */
    ApiResponse handle(String method, String path, Params params, Caller caller) {
        if (path.equals("/api_key")) {
            return switch (method) {
                case "GET" -> ApiResponse.ok(KeyJson.of(caller.key()));
                case "PATCH" -> ApiResponse.ok(KeyJson.of(services.keys().update(caller.session(), caller.key().id(),
                        edit(params, false), permission(params))));
                case "DELETE" -> {
                    services.api().revokeSelf(services.keys(), caller);
                    yield ApiResponse.noContent();
                }
                default -> throw methodNotAllowed();
            };
        }
        if (path.equals("/api_keys")) {
            return switch (method) {
                case "GET" -> list(params, caller);
                case "POST" -> create(params, caller);
                default -> throw methodNotAllowed();
            };
        }
        if (path.startsWith("/api_keys/")) {
            long id = id(path.substring("/api_keys/".length()));
            return switch (method) {
                case "GET" -> ApiResponse.ok(KeyJson.of(services.keys().show(caller.session(), id)));
                case "PATCH" -> ApiResponse.ok(KeyJson.of(services.keys().update(caller.session(), id,
                        edit(params, true), permission(params))));
                case "DELETE" -> {
                    services.keys().revoke(caller.session(), id);
                    yield ApiResponse.noContent();
                }
                default -> throw methodNotAllowed();
            };
        }
        throw ApiError.notFound();
    }

    private ApiResponse create(Params params, Caller caller) {
        String name = params.text("name");
        if (name == null) {
            throw new ApiError(422, "processing-failure/model-save-error", "A key needs a name.");
        }
        String path = params.text("path");
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            // accepting it silently would hand out a key with more power than was asked for
            throw new ApiError(422, "processing-failure/model-save-error",
                    "KeyDesk keys are not limited to a folder; leave out path.");
        }
        PermissionSet permission = permission(params);
        Instant expires = params.time("expires_at");
        String description = params.text("description");
        var userId = params.number("user_id");
        IssuedKey issued;
        if (userId.isEmpty()) {
            issued = services.keys().create(caller.session(),
                    new NewKey(KeyType.SITE, null, name, description, permission, expires));
        } else {
            long owner = userId.get() == 0 ? selfUserId(caller) : userId.get();
            issued = services.keys().createForUserId(caller.session(), owner,
                    new NewKey(KeyType.USER, null, name, description, permission, expires));
        }
        return ApiResponse.created(KeyJson.issued(issued.key(), issued.secret()));
    }

    private ApiResponse list(Params params, Caller caller) {
        long perPage = params.number("per_page").orElse(1000L);
        if (perPage < 1 || perPage > KeyQuery.MAX_LIMIT) {
            throw ApiError.invalidParams("per_page must be from 1 to " + KeyQuery.MAX_LIMIT + ".");
        }
        var userId = params.number("user_id");
        KeyQuery.Owner owner = userId.isEmpty() ? KeyQuery.Owner.ALL_VISIBLE
                : userId.get() == 0 ? KeyQuery.Owner.SELF : KeyQuery.Owner.USER;
        KeyQuery.Order order = order(params);
        Instant eq = filter(params, "filter");
        Instant gt = filter(params, "filter_gt");
        Instant gte = filter(params, "filter_gteq");
        Instant lt = filter(params, "filter_lt");
        Instant lte = filter(params, "filter_lteq");
        String digest = Cursor.digestOf(String.join("|", owner.name(), userId.map(String::valueOf).orElse(""),
                order.name(), String.valueOf(eq), String.valueOf(gt), String.valueOf(gte), String.valueOf(lt),
                String.valueOf(lte)));
        String cursor = params.text("cursor");
        KeyQuery.Position after = cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor, digest);
        KeyPage page = services.keyPages().page(caller.session(), new KeyQuery(owner, userId.orElse(0L), eq, gt, gte,
                lt, lte, order, after, (int) perPage));
        ApiResponse response = ApiResponse.ok(new KeyJson.Listed(page.keys()));
        if (page.more()) {
            String next = Cursor.encode(digest, KeyQuery.Position.of(page.keys().getLast()));
            response = response.withHeader("X-Files-Cursor", next).withHeader("X-Files-Cursor-Next", next);
        }
        return response;
    }

    private static KeyQuery.Order order(Params params) {
        for (String p : List.of("sort_by", "sort_by[id]", "sort_by[created_at]", "sort_by[name]")) {
            if (params.has(p)) {
                throw ApiError.invalidParams("Keys can be sorted only by expires_at (sort_by[expires_at]=asc or desc).");
            }
        }
        String dir = params.text("sort_by[expires_at]");
        if (dir == null) {
            return KeyQuery.Order.NEWEST_FIRST;
        }
        return switch (dir) {
            case "asc" -> KeyQuery.Order.EXPIRES_ASC;
            case "desc" -> KeyQuery.Order.EXPIRES_DESC;
            default -> throw ApiError.invalidParams("sort_by[expires_at] is asc or desc.");
        };
    }

    private static Instant filter(Params params, String kind) {
        return params.time(kind + "[expires_at]");
    }

    private static KeyEdit edit(Params params, boolean descriptionAllowed) {
        String name = params.text("name");
        String description = descriptionAllowed ? params.text("description") : null;
        boolean clearsExpiry = params.has("expires_at") && (params.text("expires_at") == null
                || params.text("expires_at").isEmpty());
        Instant expires = clearsExpiry ? null : params.time("expires_at");
        return new KeyEdit(name, description, expires, clearsExpiry);
    }

    private static PermissionSet permission(Params params) {
        String text = params.text("permission_set");
        if (text == null) {
            return null;
        }
        try {
            return PermissionSet.parse(text);
        } catch (ValidationException e) {
            throw new ApiError(422, "processing-failure/model-save-error", e.getMessage());
        }
    }

    /** user_id 0 names the caller's own user; a site-wide key has none, so it may not ask for "its own" key. */
    private static long selfUserId(Caller caller) {
        if (caller.key().userId() == null) {
            throw ApiError.invalidParams("A site-wide key has no user of its own: give a user_id, or none for a site-wide key.");
        }
        return caller.key().userId();
    }

    private static long id(String text) {
        if (text.matches("[0-9]{1,18}")) {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        }
        throw ApiError.keyNotFound();
    }

    private static ApiError methodNotAllowed() {
        return new ApiError(405, "bad-request/unsupported-http-method", "This endpoint does not answer that method.");
    }

    static JsonBody health() {
        return json -> {
            json.writeStartObject();
            json.writeStringProperty("status", "ok");
            json.writeEndObject();
        };
    }
}
