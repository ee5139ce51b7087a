package com.keydesk.ui.teamstore;

import com.keydesk.service.PrivateFile;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The team stores this person opened lately, newest first, in a small JSON file in their
 * configuration folder (beside the witness folder), readable by its owner only. Never a password:
 * there is no field for one. The file is outside input: anything odd in it is skipped, a file
 * that is not this list is ignored, and a failure to write only forgets. Read and written with
 * Jackson's streaming parser and generator (the application needs no databind).
 */
public final class RecentStores {
    static final int MOST = 8;
    private static final int MAX_BYTES = 64 * 1024;
    private static final int FORMAT = 1;
    private static final JsonFactory JSON = JsonFactory.builder().build();
    /** Two spaces of indentation, as the tree writer's default pretty printer gave. */
    private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };
    /** A field's value when it is neither text nor a whole number that fits a long: never what an entry needs. */
    private static final Object OTHER = new Object();

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
            List<Map<String, Object>> entries = entries(Files.readString(file, StandardCharsets.UTF_8));
            List<TeamStoreAddress> stores = new ArrayList<>();
            for (Map<String, Object> entry : entries) {
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
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(PRETTY, text)) {
            json.writeStartObject();
            json.writeNumberProperty("format", FORMAT);
            json.writeName("stores");
            json.writeStartArray();
            for (TeamStoreAddress a : stores) {
                json.writeStartObject();
                json.writeStringProperty("host", a.host());
                json.writeNumberProperty("port", a.port());
                json.writeStringProperty("database", a.database());
                json.writeStringProperty("user", a.user());
                json.writeStringProperty("sslmode", a.tls().wireName());
                if (a.rootCert() != null) {
                    json.writeStringProperty("sslrootcert", a.rootCert());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        PrivateFile.replace(file, text.toString());
    }

    /**
     * The entries of {@code {"format": 1, "stores": [{...}, ...]}}, each as its fields (text as
     * String, whole numbers as Long, null as null, anything else as {@link #OTHER}); an entry that
     * is not an object is an empty one. Empty when the text is not that list.
     */
    private static List<Map<String, Object>> entries(String text) {
        List<Map<String, Object>> entries = new ArrayList<>();
        Object format = null;
        boolean listed = false;
        try (JsonParser json = JSON.createParser(ObjectReadContext.empty(), text)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return List.of();
            }
            while (json.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (name.equals("stores") && value == JsonToken.START_ARRAY) {
                    listed = true;
                    entries.clear();
                    while (json.nextToken() != JsonToken.END_ARRAY) {
                        entries.add(json.currentToken() == JsonToken.START_OBJECT ? fields(json) : skipped(json));
                    }
                } else if (name.equals("format")) {
                    format = scalar(json);
                } else {
                    json.skipChildren();
                }
            }
            if (json.nextToken() != null) {
                return List.of();   // something after the object: not a file this class wrote
            }
        }
        return listed && Long.valueOf(FORMAT).equals(format) ? entries : List.of();
    }

    private static Map<String, Object> fields(JsonParser json) {
        Map<String, Object> fields = new HashMap<>();
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = json.currentName();
            json.nextToken();
            fields.put(name, scalar(json));
        }
        return fields;
    }

    private static Map<String, Object> skipped(JsonParser json) {
        json.skipChildren();
        return Map.of();
    }

    private static Object scalar(JsonParser json) {
        return switch (json.currentToken()) {
            case VALUE_STRING -> json.getString();
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> json.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? OTHER : json.getLongValue();
            default -> {
                json.skipChildren();
                yield OTHER;
            }
        };
    }

    /** One entry, or nothing if any part of it is not what the dialog could have written. */
    private static Optional<TeamStoreAddress> read(Map<String, Object> entry) {
        String host = text(entry, "host");
        String database = text(entry, "database");
        String user = text(entry, "user");
        Optional<TlsMode> tls = TlsMode.parse(text(entry, "sslmode"));
        Object rootCert = entry.get("sslrootcert");
        if (host == null || database == null || user == null || tls.isEmpty()
                || !(entry.get("port") instanceof Long port) || port < 1 || port > 65_535
                || !(rootCert == null || plain(rootCert))) {
            return Optional.empty();
        }
        return Optional.of(new TeamStoreAddress(host, port.intValue(), database, user, tls.get(),
                plain(rootCert) ? (String) rootCert : null));
    }

    private static String text(Map<String, Object> entry, String field) {
        Object value = entry.get(field);
        return plain(value) ? (String) value : null;
    }

    /** A short, non-empty string without control characters: a host, a name, a path. */
    private static boolean plain(Object value) {
        return value instanceof String s && !s.isBlank() && s.length() <= 1_024
                && s.chars().noneMatch(Character::isISOControl);
    }
}
