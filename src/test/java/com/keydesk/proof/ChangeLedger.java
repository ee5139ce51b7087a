package com.keydesk.proof;

import com.keydesk.domain.ApiKey;
import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.KeyRejectedException;
import com.keydesk.domain.PermissionSet;
import com.keydesk.domain.User;
import com.keydesk.service.AuditVerification;
import com.keydesk.service.Services;
import com.keydesk.service.Session;
import com.keydesk.testing.MixedChanges;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the writers of {@link MixedChanges} reported, and the check that the store agrees: every
 * acknowledged change is there and audited exactly once; a change that failed or was in flight
 * when its writer was killed is either wholly there (row and audit entry) or not at all; the
 * chain verifies. Keys a writer made are touched by that writer alone, so each key's history is
 * one writer's sequence of changes.
 */
final class ChangeLedger {
    enum State { ACTIVE, DISABLED, REVOKED }

    private static final Map<String, String> ACTIONS = Map.of(MixedChanges.CREATE, "api_key.created",
            MixedChanges.DISABLE, "api_key.disabled", MixedChanges.ENABLE, "api_key.enabled",
            MixedChanges.REVOKE, "api_key.revoked");

    /** One key's acknowledged audit actions, and the one change on it whose outcome is unknown. */
    private static final class KeyHistory {
        final String name;
        final String secret;
        final List<String> acknowledged = new ArrayList<>();
        String unknown;

        KeyHistory(String name, String secret) {
            this.name = name;
            this.secret = secret;
        }
    }

    private final Map<Long, KeyHistory> keys = new LinkedHashMap<>();
    private final Set<String> createsUnknown = new HashSet<>();
    private final Set<String> usersAdded = new HashSet<>();
    private final Set<String> usersUnknown = new HashSet<>();
    private final Map<String, String[]> inFlight = new HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int acknowledged;

    /** One report line of a writer (see {@link MixedChanges}). */
    synchronized void accept(String line) {
        String[] f = line.split("\t", -1);
        if (f.length < 7) {
            throw new IllegalArgumentException("not a report line: " + line);
        }
        String kind = f[0];
        String tag = f[1];
        String op = f[2];
        String subject = f[3];
        switch (kind) {
            case "START" -> inFlight.put(tag, new String[] {op, subject});
            case "OK" -> {
                inFlight.remove(tag);
                acknowledged++;
                done(op, subject, f[6]);
            }
            case "FAIL" -> {
                inFlight.remove(tag);
                failures.add(line);
                unknown(op, subject);
            }
            case "END" -> inFlight.remove(tag);
            default -> throw new IllegalArgumentException("not a report line: " + line);
        }
    }

    /** The writer was killed: the change it had started may or may not have been made. */
    synchronized void killed(String tag) {
        String[] change = inFlight.remove(tag);
        if (change != null) {
            unknown(change[0], change[1]);
        }
    }

    synchronized int acknowledged() {
        return acknowledged;
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    private void done(String op, String subject, String detail) {
        switch (op) {
            case MixedChanges.CREATE -> {
                String[] idAndSecret = detail.split(" ", 2);
                KeyHistory history = new KeyHistory(subject, idAndSecret[1]);
                history.acknowledged.add(ACTIONS.get(op));
                assertThat(keys.put(Long.parseLong(idAndSecret[0]), history)).as("key id %s reported twice", idAndSecret[0])
                        .isNull();
            }
            case MixedChanges.ADD_USER -> usersAdded.add(subject);
            default -> key(subject).acknowledged.add(ACTIONS.get(op));
        }
    }

    private void unknown(String op, String subject) {
        switch (op) {
            case MixedChanges.CREATE -> createsUnknown.add(subject);
            case MixedChanges.ADD_USER -> usersUnknown.add(subject);
            default -> key(subject).unknown = ACTIONS.get(op);
        }
    }

    private KeyHistory key(String id) {
        KeyHistory history = keys.get(Long.parseLong(id));
        if (history == null) {
            throw new IllegalStateException("a writer changed key " + id + " that no report says it made");
        }
        return history;
    }

    /** Checks the store against the reports; {@code usersBefore} were there before the writers began. */
    synchronized void check(Services services, Session admin, Set<String> usersBefore) {
        AuditVerification verification = services.audit().verify(admin);
        assertThat(verification.intact()).as("audit chain: %s", verification.message()).isTrue();
        List<AuditEntry> entries = services.audit().entries(admin);
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).seq()).as("audit entries are one unbroken sequence").isEqualTo(i + 1L);
        }
        Map<Long, List<String>> audited = new HashMap<>();
        Map<String, Long> userEntries = new HashMap<>();
        for (AuditEntry e : entries) {
            if (!AuditEntry.OUTCOME_OK.equals(e.outcome())) {
                continue;
            }
            if (ACTIONS.containsValue(e.action()) && e.target().startsWith("api_key:")) {
                audited.computeIfAbsent(Long.parseLong(e.target().substring(8)), id -> new ArrayList<>()).add(e.action());
            } else if (e.action().equals("user.created")) {
                userEntries.merge(e.target(), 1L, Long::sum);
            }
        }
        Map<Long, ApiKey> listed = services.keys().list(admin).stream()
                .collect(Collectors.toMap(ApiKey::id, k -> k));

        for (var entry : keys.entrySet()) {
            long id = entry.getKey();
            KeyHistory history = entry.getValue();
            List<String> actions = audited.getOrDefault(id, List.of());
            State actual = stateOf(listed.get(id));
            List<String> withUnknown = new ArrayList<>(history.acknowledged);
            if (history.unknown != null) {
                withUnknown.add(history.unknown);
            }
            assertThat(actions).as("audit of key %d (%s): every acknowledged change once, an unknown one at most once",
                    id, history.name).isIn(history.acknowledged, withUnknown);
            assertThat(actual).as("key %d (%s) is as its audited changes left it", id, history.name)
                    .isEqualTo(replay(actions));
            assertThat(verifies(services, history.secret)).as("key %d (%s) verifies only while active", id, history.name)
                    .isEqualTo(actual == State.ACTIVE);
        }
        Set<String> unknownNamesSeen = new HashSet<>();
        for (ApiKey key : listed.values()) {
            if (keys.containsKey(key.id())) {
                continue;
            }
            assertThat(createsUnknown).as("key %d (%s) was made by no reported change", key.id(), key.name())
                    .contains(key.name());
            assertThat(unknownNamesSeen.add(key.name())).as("one key per unacknowledged create").isTrue();
            assertThat(audited.get(key.id())).as("the unacknowledged key %d is whole", key.id())
                    .containsExactly("api_key.created");
        }
        for (long id : audited.keySet()) {
            assertThat(keys.containsKey(id) || listed.containsKey(id)).as("audit names key %d, which is nowhere", id)
                    .isTrue();
        }

        Map<String, User> users = services.users().list(admin).stream().collect(Collectors.toMap(User::username, u -> u));
        for (String name : usersAdded) {
            assertThat(users).as("acknowledged user %s", name).containsKey(name);
        }
        for (User u : users.values()) {
            if (usersBefore.contains(u.username())) {
                continue;
            }
            assertThat(usersAdded.contains(u.username()) || usersUnknown.contains(u.username()))
                    .as("user %s was added by no reported change", u.username()).isTrue();
            assertThat(userEntries.get("user:" + u.id())).as("user %s audited once", u.username()).isEqualTo(1L);
        }
        Set<String> userTargets = users.values().stream().map(u -> "user:" + u.id()).collect(Collectors.toSet());
        for (var e : userEntries.entrySet()) {
            assertThat(userTargets).as("user.created for %s, a user who is not there", e.getKey()).contains(e.getKey());
            assertThat(e.getValue()).as("user.created entries for %s", e.getKey()).isEqualTo(1L);
        }
    }

    private static State stateOf(ApiKey key) {
        if (key == null) {
            return State.REVOKED;
        }
        return key.permissionSet() == PermissionSet.NONE ? State.DISABLED : State.ACTIVE;
    }

    private static State replay(List<String> actions) {
        State state = null;
        for (String action : actions) {
            state = switch (action) {
                case "api_key.created", "api_key.enabled" -> State.ACTIVE;
                case "api_key.disabled" -> State.DISABLED;
                default -> State.REVOKED;
            };
        }
        return state == null ? State.REVOKED : state;
    }

    private static boolean verifies(Services services, String secret) {
        try {
            services.verifier().verify(secret);
            return true;
        } catch (KeyRejectedException e) {
            return false;
        }
    }
}
