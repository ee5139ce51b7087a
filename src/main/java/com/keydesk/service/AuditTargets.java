package com.keydesk.service;

import com.keydesk.domain.AuditEntry;
import com.keydesk.store.TargetNames;
import org.jooq.DSLContext;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the keys and users an audit page mentions are called: a key's name and a user's username,
 * read from the store; a revoked key (its row is gone) by the name its last entry recorded.
 */
final class AuditTargets {
    static final String KEY = "api_key:";
    static final String USER = "user:";
    /** How a key's entries describe it ({@code KeyService.describe}): {@code name="…" label=…}. */
    private static final Pattern RECORDED_NAME = Pattern.compile("^name=\"(.*)\" label=");

    private AuditTargets() {
    }

    /** Target to name, for every target that has one. */
    static Map<String, String> names(DSLContext tx, List<AuditEntry> entries) {
        Set<Long> keyIds = new LinkedHashSet<>();
        Set<Long> userIds = new LinkedHashSet<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> recorded = new HashMap<>();
        for (AuditEntry e : entries) {
            String target = e.target();
            if (target == null) {
                continue;
            }
            Long keyId = idAfter(target, KEY);
            Long userId = idAfter(target, USER);
            if (keyId != null) {
                keyIds.add(keyId);
                String name = recordedName(e.detail());
                if (name != null) {
                    recorded.put(target, name); // entries come oldest first: the last one wins
                }
            } else if (userId != null) {
                userIds.add(userId);
            } else if (target.startsWith(USER) && target.length() > USER.length()) {
                names.put(target, target.substring(USER.length())); // a username that matched no user
            }
        }
        TargetNames.Found found = TargetNames.of(tx, keyIds, userIds);
        names.putAll(recorded);
        found.keyNames().forEach((id, name) -> names.put(KEY + id, name));
        found.usernames().forEach((id, name) -> names.put(USER + id, name));
        return names;
    }

    static Long idAfter(String target, String prefix) {
        if (!target.startsWith(prefix) || target.length() == prefix.length() || target.length() - prefix.length() > 18) {
            return null;
        }
        for (int i = prefix.length(); i < target.length(); i++) {
            if (!Character.isDigit(target.charAt(i)) || target.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(target, prefix.length(), target.length(), 10);
    }

    private static String recordedName(String detail) {
        if (detail == null) {
            return null;
        }
        Matcher m = RECORDED_NAME.matcher(detail);
        return m.find() ? m.group(1) : null;
    }
}
