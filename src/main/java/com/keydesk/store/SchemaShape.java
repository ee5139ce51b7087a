package com.keydesk.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements H2 keeps for a store made by KeyDesk's migrations, per schema version, compared
 * with what a store file holds. The expected statements live in {@code db/shape/V<version>.txt},
 * beside the migrations, and StoreShapeTest makes fresh stores to prove they are exactly what the
 * migrations make. What differs from store to store is normalised away first: the salt and hash
 * of the database user (its password is empty; the file is protected by the folder), the names
 * H2 generates (from hashes and random UUIDs), a sequence's current value and the column
 * statistics (SELECTIVITY) H2 writes into a table's statement when it analyses the table. Three settings H2
 * writes itself (the build that created the file, and WRITE_DELAY and CACHE_SIZE from KeyDesk's URL,
 * which sets them again at every open) are allowed in any store and are not part of a shape.
 */
final class SchemaShape {
    static final String RESOURCE_FOLDER = "db/shape/";

    private static final List<Pattern> ALLOWED_SETTINGS = List.of(
            Pattern.compile("SET CREATE_BUILD \\d{1,6}"),
            Pattern.compile("SET WRITE_DELAY \\d{1,6}"),
            Pattern.compile("SET CACHE_SIZE \\d{1,7}"));
    private static final Pattern KEYDESK_USER = Pattern.compile(
            "CREATE USER IF NOT EXISTS \"KEYDESK\" SALT '[0-9a-f]{16}' HASH '[0-9a-f]{64}' ADMIN");
    private static final String KEYDESK_USER_SHAPE = "CREATE USER IF NOT EXISTS \"KEYDESK\" SALT '#' HASH '#' ADMIN";
    /** Names H2 makes up, in the order they must be replaced (the longer prefix first). */
    private static final List<Map.Entry<Pattern, String>> GENERATED = List.of(
            Map.entry(Pattern.compile("\"SYSTEM_SEQUENCE_[0-9A-F]{8}_[0-9A-F]{4}_[0-9A-F]{4}_[0-9A-F]{4}_[0-9A-F]{12}\""),
                    "\"SYSTEM_SEQUENCE_#\""),
            Map.entry(Pattern.compile("\"PRIMARY_KEY_[0-9A-F]{1,8}\""), "\"PRIMARY_KEY_#\""),
            Map.entry(Pattern.compile("\"CONSTRAINT_INDEX_[0-9A-F]{1,8}\""), "\"CONSTRAINT_INDEX_#\""),
            // a foreign key's index named after its generated constraint, as H2 names it when it rebuilds a table
            Map.entry(Pattern.compile("\"CONSTRAINT_[0-9A-F]{1,8}_INDEX_[0-9A-F]{1,8}\""), "\"CONSTRAINT_INDEX_#\""),
            Map.entry(Pattern.compile("\"CONSTRAINT_[0-9A-F]{1,8}\""), "\"CONSTRAINT_#\""),
            Map.entry(Pattern.compile("\"([A-Z0-9_]{1,100})_INDEX_[0-9A-F]{1,8}\""), "\"$1_INDEX_#\""));
    private static final Pattern SEQUENCE_POSITION = Pattern.compile(
            "^(CREATE SEQUENCE \"PUBLIC\"\\.\"SYSTEM_SEQUENCE_#\" START WITH 1)(?: RESTART WITH \\d{1,19})?( BELONGS_TO_TABLE)$");
    /** Column statistics H2 records when it analyses a table (after every few thousand changed rows). */
    private static final Pattern SELECTIVITY = Pattern.compile(" SELECTIVITY \\d{1,3}(?=[ ,\\n])");
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(?:U&)?\"((?:[^\"]|\"\")*)\"(?:\\.(?:U&)?\"((?:[^\"]|\"\")*)\")?");

    private SchemaShape() {
    }

    /** The expected (normalised) statements of a schema version; empty when no KeyDesk made that version. */
    static Optional<List<String>> expected(String version) {
        if (!version.matches("\\d{1,4}")) {
            return Optional.empty();
        }
        InputStream in = SchemaShape.class.getClassLoader().getResourceAsStream(RESOURCE_FOLDER + "V" + version + ".txt");
        if (in == null) {
            return Optional.empty();
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return Optional.of(reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(SchemaShape::unescape).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The statement as it is compared: null for a setting H2 writes in every store, else with the
     * values that differ between stores replaced by {@code #}.
     */
    static String normalise(String sql) {
        if (ALLOWED_SETTINGS.stream().anyMatch(p -> p.matcher(sql).matches())) {
            return null;
        }
        if (KEYDESK_USER.matcher(sql).matches()) {
            return KEYDESK_USER_SHAPE;
        }
        String shape = sql;
        for (Map.Entry<Pattern, String> generated : GENERATED) {
            shape = generated.getKey().matcher(shape).replaceAll(generated.getValue());
        }
        if (shape.startsWith("CREATE CACHED TABLE ")) {
            shape = SELECTIVITY.matcher(shape).replaceAll("");
        }
        Matcher sequence = SEQUENCE_POSITION.matcher(shape);
        return sequence.matches() ? sequence.group(1) + sequence.group(2) : shape;
    }

    /**
     * How the store differs from the expected shape, as the words after "it": "holds a trigger
     * TRG", "lacks the index X". Empty when it is exactly that shape.
     */
    static Optional<String> difference(StoredSchema schema, List<String> expected) {
        Map<String, Integer> left = new HashMap<>();
        expected.forEach(statement -> left.merge(statement, 1, Integer::sum));
        for (String sql : schema.statements()) {
            String shape = normalise(sql);
            if (shape != null && left.merge(shape, -1, Integer::sum) < 0) {
                return Optional.of("holds " + describe(shape, expected));
            }
        }
        for (String sql : schema.unfinished()) {
            String shape = normalise(sql);
            if (shape != null && !left.containsKey(shape)) {
                return Optional.of("holds " + describe(shape, expected));
            }
        }
        return expected.stream().filter(statement -> left.get(statement) > 0).findFirst()
                .map(missing -> "lacks " + missing(missing));
    }

    /** Names an unexpected statement's object: "a trigger TRG", "a changed column SITE.NAME", "the setting X". */
    static String describe(String shape, List<String> expected) {
        Thing thing = Thing.of(shape);
        if (thing.kind().equals("table")) {
            Optional<String> expectedTable = expected.stream()
                    .filter(other -> Thing.of(other).equals(thing)).findFirst();
            if (expectedTable.isPresent()) {
                return columnDifference(thing.name(), shape, expectedTable.get());
            }
        }
        if (thing.name() == null) {
            return thing.kind();
        }
        boolean known = expected.stream().map(Thing::of).anyMatch(thing::equals);
        return (known ? "a changed " : article(thing.kind())) + thing.kind() + " " + thing.name();
    }

    private static String missing(String shape) {
        Thing thing = Thing.of(shape);
        return thing.name() == null ? thing.kind() : "the " + thing.kind() + " " + thing.name();
    }

    /** The first column a table has that KeyDesk's does not (or defines otherwise), else the first it lacks. */
    private static String columnDifference(String table, String actual, String expected) {
        List<String> actualColumns = columns(actual);
        List<String> expectedColumns = columns(expected);
        for (String column : actualColumns) {
            if (!expectedColumns.contains(column)) {
                String name = firstName(column);
                boolean known = expectedColumns.stream().map(SchemaShape::firstName).anyMatch(n -> n != null && n.equals(name));
                return (known ? "a changed column " : "an extra column ") + table + "." + name;
            }
        }
        for (String column : expectedColumns) {
            if (!actualColumns.contains(column)) {
                return "a table " + table + " without its column " + firstName(column);
            }
        }
        return "a changed table " + table;
    }

    private static List<String> columns(String createTable) {
        int open = createTable.indexOf('(');
        int close = createTable.lastIndexOf(')');
        if (open < 0 || close < open) {
            return List.of();
        }
        List<String> columns = new ArrayList<>();
        for (String line : createTable.substring(open + 1, close).split("\n")) {
            String column = line.strip();
            if (column.endsWith(",")) {
                column = column.substring(0, column.length() - 1);
            }
            if (!column.isEmpty()) {
                columns.add(column);
            }
        }
        return columns;
    }

    private static String firstName(String text) {
        Matcher m = IDENTIFIER.matcher(text);
        return m.find() ? Names.printable(unquote(m.group(m.group(2) != null ? 2 : 1))) : "?";
    }

    private static String article(String kind) {
        return "aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ";
    }

    private static String unquote(String identifier) {
        return identifier.replace("\"\"", "\"");
    }

    /** The kind and name of the object a statement makes, as a person would call them. */
    private record Thing(String kind, String name) {
        private static final List<Map.Entry<String, String>> KINDS = List.of(
                Map.entry("VIEW", "view"), Map.entry("ALIAS", "function alias"), Map.entry("AGGREGATE", "aggregate function"),
                Map.entry("TRIGGER", "trigger"), Map.entry("SEQUENCE", "sequence"), Map.entry("CONSTANT", "constant"),
                Map.entry("DOMAIN", "domain"), Map.entry("SYNONYM", "synonym"), Map.entry("SCHEMA", "schema"),
                Map.entry("ROLE", "role"), Map.entry("USER", "database user"), Map.entry("INDEX", "index"),
                Map.entry("PRIMARY KEY", "index"), Map.entry("LINKED TABLE", "linked table"), Map.entry("TABLE", "table"));

        static Thing of(String shape) {
            if (shape.startsWith("SET ")) {
                String[] words = shape.split(" ", 3);
                return new Thing("the setting " + Names.printable(words[1]), null);
            }
            if (shape.startsWith("ALTER TABLE ")) {
                int added = shape.indexOf(" ADD CONSTRAINT ");
                if (added > 0) {
                    return new Thing("constraint", nameAt(shape, added));
                }
                return new Thing("change to table " + nameAt(shape, 0), null);
            }
            if (shape.startsWith("GRANT ") || shape.startsWith("REVOKE ")) {
                return new Thing("a grant of rights", null);
            }
            if (shape.startsWith("COMMENT ")) {
                return new Thing("a comment", null);
            }
            int quote = shape.indexOf('"');
            String head = quote < 0 ? shape : shape.substring(0, quote);
            if (head.startsWith("CREATE ")) {
                for (Map.Entry<String, String> kind : KINDS) {
                    if (head.contains(" " + kind.getKey() + " ")) {
                        return new Thing(kind.getValue(), quote < 0 ? "?" : nameAt(shape, quote));
                    }
                }
            }
            String[] words = head.strip().split("\\s+", 3);
            return new Thing("a statement " + Names.printable(String.join(" ", List.of(words).subList(0,
                    Math.min(2, words.length)))), null);
        }

        private static String nameAt(String shape, int from) {
            Matcher m = IDENTIFIER.matcher(shape);
            return m.find(from) ? Names.printable(unquote(m.group(m.group(2) != null ? 2 : 1))) : "?";
        }
    }

    /** One statement per line in the resources: a backslash and a line break are escaped. */
    static String escape(String statement) {
        return statement.replace("\\", "\\\\").replace("\n", "\\n");
    }

    static String unescape(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
