package com.keydesk.store;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expected shapes in src/main/resources/db/shape are exactly what KeyDesk's migrations make, for
 * every schema version a store may still be at. Changing a migration without them fails here; run
 * {@value #REGENERATE} to write them anew, and review the diff: it is what every store must hold.
 */
class StoreShapeTest {
    static final String REGENERATE = "./mvnw -q test -Dtest=StoreShapeTest -Dkeydesk.shape.write=true";
    private static final Path SOURCES = Path.of("src/main/resources", SchemaShape.RESOURCE_FOLDER);

    @TempDir
    Path temp;

    @Test
    void eachSchemaVersionHasItsExpectedShapeAndItIsWhatTheMigrationsMake() throws IOException {
        boolean rewrite = Boolean.getBoolean("keydesk.shape.write");
        for (SchemaHistory.Script script : SchemaHistory.BUNDLED) {
            String version = script.version();
            List<String> made = shapeOf(storeMigratedTo(version, temp.resolve("v" + version)));
            if (rewrite) {
                write(version, made);
            }
            assertThat(rewrite ? written(version) : SchemaShape.expected(version))
                    .as("src/main/resources/%sV%s.txt no longer matches what the migrations make. If the change is"
                            + " intended, regenerate the shapes with\n  %s\nand commit them (review the diff: it is"
                            + " what every store must hold)", SchemaShape.RESOURCE_FOLDER, version, REGENERATE)
                    .hasValue(made);
        }
    }

    @Test
    void aStoreMadeByCreateHasTheNewestShape() {
        Path folder = temp.resolve("store");
        Database.create(folder).close();

        assertThat(SchemaShape.expected(SchemaHistory.BUNDLED.getLast().version())).hasValue(shapeOf(folder));
    }

    @Test
    void aStoreMadeAtTheFirstVersionAndMigratedStepByStepHasTheNewestShape() {
        Path folder = temp.resolve("old");
        storeMigratedTo("1", folder);
        for (SchemaHistory.Script script : SchemaHistory.BUNDLED.subList(1, SchemaHistory.BUNDLED.size())) {
            flyway(folder).target(script.version()).load().migrate();
        }

        assertThat(SchemaShape.expected(SchemaHistory.BUNDLED.getLast().version())).hasValue(shapeOf(folder));
    }

    @Test
    void aStoreAtEachOlderVersionPassesTheCheckOpensAndIsMigratedToTheNewestShape() {
        for (SchemaHistory.Script script : SchemaHistory.BUNDLED.subList(0, SchemaHistory.BUNDLED.size() - 1)) {
            Path folder = storeMigratedTo(script.version(), temp.resolve("older-" + script.version()));

            Database.open(folder).close();

            assertThat(SchemaShape.expected(SchemaHistory.BUNDLED.getLast().version())).hasValue(shapeOf(folder));
        }
    }

    @Test
    void columnStatisticsH2WritesWhenItAnalysesTheTablesAreNotPartOfTheShape() {
        try (com.keydesk.testing.TestStore store = com.keydesk.testing.TestStore.in(temp)) {
            store.siteKey("one");
            store.siteKey("two");
        }
        Path folder = temp.resolve("store");
        // H2 analyses a table by itself after every few thousand changed rows, as in a 100,000-key demo store
        com.keydesk.testing.OutsideEdit.run(folder, "ANALYZE");
        assertThat(StoredSchema.read(Database.dataFile(folder)).statements()).anyMatch(s -> s.contains(" SELECTIVITY "));

        assertThat(SchemaShape.expected(SchemaHistory.BUNDLED.getLast().version())).hasValue(shapeOf(folder));
        Database.open(folder).close();
    }

    @Test
    void everyStoreGetsItsOwnUserSaltAndGeneratedNamesWhichTheShapeLeavesOut() {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        Database.create(first).close();
        Database.create(second).close();

        List<String> a = StoredSchema.read(Database.dataFile(first)).statements();
        List<String> b = StoredSchema.read(Database.dataFile(second)).statements();
        assertThat(a).isNotEqualTo(b);
        assertThat(shapeOf(first)).isEqualTo(shapeOf(second));
    }

    /** A store as the KeyDesk of that schema version made it: the same URL, user and migrations up to it. */
    static Path storeMigratedTo(String version, Path folder) {
        OwnerOnly.prepareFolder(folder);
        OwnerOnly.createFile(Database.dataFile(folder));
        flyway(folder).target(version).load().migrate();
        return folder;
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(Path folder) {
        return Flyway.configure().locations("classpath:db/migration").dataSource(Database.url(folder), "keydesk", "");
    }

    static List<String> shapeOf(Path folder) {
        return StoredSchema.read(Database.dataFile(folder)).statements().stream()
                .map(SchemaShape::normalise).filter(Objects::nonNull).toList();
    }

    private static java.util.Optional<List<String>> written(String version) throws IOException {
        return java.util.Optional.of(Files.readAllLines(SOURCES.resolve("V" + version + ".txt"), StandardCharsets.UTF_8)
                .stream().filter(line -> !line.isBlank() && !line.startsWith("#")).map(SchemaShape::unescape).toList());
    }

    private static void write(String version, List<String> statements) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# The statements H2 keeps for a KeyDesk store at schema version " + version + ", normalised by");
        lines.add("# SchemaShape (salt, hash, generated names and sequence positions as #). A store must hold exactly");
        lines.add("# these to be opened. Made by StoreShapeTest: " + REGENERATE);
        statements.forEach(statement -> lines.add(SchemaShape.escape(statement)));
        Files.createDirectories(SOURCES);
        Files.write(SOURCES.resolve("V" + version + ".txt"), lines, StandardCharsets.UTF_8);
    }
}
