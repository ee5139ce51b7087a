package com.keydesk.ui.teamstore;

import com.keydesk.service.PrivateFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The team stores this person opened lately, newest first, in a small JSON file in their
 * configuration folder (beside the witness folder), readable by its owner only. Never a password:
 * there is no field for one. The file is outside input: anything odd in it is skipped, a file
 * that is not this list is ignored, and a failure to write only forgets.
 */
public final class RecentStores {
    static final int MOST = 8;
    private static final int MAX_BYTES = 64 * 1024;
    private static final int FORMAT = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;

    public RecentStores(Path file) {
        this.file = file;
    }

    /** Beside the witness folder ({@code ~/.config/keydesk/recent-team-stores.json} on Linux). */
    public static RecentStores beside(Path witnessFolder) {
        return new RecentStores(witnessFolder.resolveSibling("recent-team-stores.json"));
    }

    public Path file() {
        return file;
    }

    /** Newest first; empty when there is no file or it is not one of ours. Reads a file: not on the JavaFX thread. */
    public List<TeamStoreAddress> load() {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return List.of();
            }
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (root == null || root.path("format").asInt(0) != FORMAT || !root.path("stores").isArray()) {
                return List.of();
            }
            List<TeamStoreAddress> stores = new ArrayList<>();
            for (JsonNode entry : root.path("stores")) {
                read(entry).filter(a -> stores.stream().noneMatch(a::samePlace)).ifPresent(stores::add);
                if (stores.size() == MOST) {
                    break;
                }
            }
            return List.copyOf(stores);
        } catch (IOException | RuntimeException e) {   // JacksonException is a RuntimeException
            return List.of();
        }
    }

    /**
     * Puts {@code opened} first (replacing an entry for the same place and account) and keeps the
     * newest {@value #MOST}. Returns the new list; a file that cannot be written leaves it unsaved.
     */
    public List<TeamStoreAddress> remember(TeamStoreAddress opened) {
        List<TeamStoreAddress> stores = new ArrayList<>();
        stores.add(opened);
        load().stream().filter(a -> !a.samePlace(opened)).limit(MOST - 1).forEach(stores::add);
        try {
            write(stores);
        } catch (IOException | RuntimeException e) {
            // remembering is a convenience: the store opens all the same
        }
        return List.copyOf(stores);
    }

    private void write(List<TeamStoreAddress> stores) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode list = root.putArray("stores");
        for (TeamStoreAddress a : stores) {
            ObjectNode entry = list.addObject();
            entry.put("host", a.host());
            entry.put("port", a.port());
            entry.put("database", a.database());
            entry.put("user", a.user());
            entry.put("sslmode", a.tls().wireName());
            if (a.rootCert() != null) {
                entry.put("sslrootcert", a.rootCert());
            }
        }
        PrivateFile.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    /** One entry, or nothing if any part of it is not what the dialog could have written. */
    private static Optional<TeamStoreAddress> read(JsonNode entry) {
        String host = text(entry, "host");
        String database = text(entry, "database");
        String user = text(entry, "user");
        Optional<TlsMode> tls = TlsMode.parse(text(entry, "sslmode"));
        JsonNode port = entry.path("port");
        JsonNode rootCert = entry.path("sslrootcert");
        if (host == null || database == null || user == null || tls.isEmpty() || !port.isIntegralNumber()
                || !port.canConvertToInt() || port.intValue() < 1 || port.intValue() > 65_535
                || !(rootCert.isMissingNode() || rootCert.isNull() || plain(rootCert))) {
            return Optional.empty();
        }
        return Optional.of(new TeamStoreAddress(host, port.intValue(), database, user, tls.get(),
                plain(rootCert) ? rootCert.stringValue() : null));
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.path(field);
        return plain(value) ? value.stringValue() : null;
    }

    /** A short, non-empty string without control characters: a host, a name, a path. */
    private static boolean plain(JsonNode value) {
        return value.isString() && !value.stringValue().isBlank() && value.stringValue().length() <= 1_024
                && value.stringValue().chars().noneMatch(Character::isISOControl);
    }
}
