package com.keydesk.service;

import com.keydesk.domain.AuditEntry;
import com.keydesk.domain.ValidationException;
import com.keydesk.store.BackupTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a hostile zip can make the reader do: little, and nothing on disk. */
class BackupReaderLimitsTest {
    private static final long BOMB = 300L << 20;

    @TempDir
    Path dir;

    /** Rows that go nowhere: the limits are checked before any row would be written. */
    private static final BackupTables.Rows NOWHERE = new BackupTables.Rows() {
        public void site(BackupTables.SiteRow row) { }
        public void user(BackupTables.UserRow row) { }
        public void key(BackupTables.KeyRow row) { }
        public void audit(AuditEntry row) { }
    };

    /** 300 MB of one byte, deflated to about 300 KB. */
    private Path bomb(String entry, byte fill) throws Exception {
        Path zip = dir.resolve("bomb.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(Deflater.BEST_SPEED);
            z.putNextEntry(new ZipEntry(entry));
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, fill);
            for (long written = 0; written < BOMB; written += chunk.length) {
                z.write(chunk);
            }
            z.closeEntry();
        }
        assertThat(Files.size(zip)).isLessThan(2L << 20);
        return zip;
    }

    private long drain(Path zip, BackupFormat.Limits limits) throws Exception {
        try (BoundedZip in = new BoundedZip(zip, limits)) {
            in.next();
            try (InputStream entry = in.entry("site.jsonl", BackupWriter.sha256())) {
                assertThatThrownBy(() -> entry.transferTo(OutputStream.nullOutputStream()))
                        .isInstanceOf(ValidationException.class);
            }
            return in.inflated();
        }
    }

    @Test
    void aZipBombIsRefusedByItsCompressionRatioAfterAboutAMegabyte() throws Exception {
        long inflated = drain(bomb("site.jsonl", (byte) ' '), BackupFormat.Limits.STANDARD);
        assertThat(inflated).isLessThanOrEqualTo(BackupFormat.Limits.STANDARD.ratioGrace() + (64 << 10));
    }

    @Test
    void anEntryLargerThanItsBoundIsRefusedAtTheBoundWhateverItsHeaderSays() throws Exception {
        var noRatio = new BackupFormat.Limits(10L << 20, 20L << 20, 64 * 1024, 100, Long.MAX_VALUE / 2);
        long inflated = drain(bomb("site.jsonl", (byte) ' '), noRatio);
        assertThat(inflated).isBetween(10L << 20, (10L << 20) + (64 << 10));
    }

    @Test
    void aZipBombRestoredIsRefusedQuicklyAndNothingBigIsWritten() throws Exception {
        Path zip = bomb("site.jsonl", (byte) '{');
        long started = System.nanoTime();
        assertThatThrownBy(() -> BackupReader.read(zip, BackupFormat.Limits.STANDARD, NOWHERE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("longer than 65536 bytes");
        assertThatThrownBy(() -> BackupReader.read(bomb("site.jsonl", (byte) '\n'), BackupFormat.Limits.STANDARD, NOWHERE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("empty line");
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum()).isLessThan(4L << 20);
        }
    }

    private void assertRefused(Map<String, String> entries, String because) throws Exception {
        Path zip = BackupZips.write(dir.resolve("hostile.zip"), entries);
        assertThatThrownBy(() -> BackupReader.read(zip, BackupFormat.Limits.STANDARD, NOWHERE))
                .isInstanceOf(ValidationException.class).hasMessageContaining(because);
    }

    @Test
    void entryNamesWithPathsAreRefused() throws Exception {
        for (String name : new String[] {"../site.jsonl", "/site.jsonl", "/etc/passwd", "store/site.jsonl",
                "..\\site.jsonl", "C:site.jsonl"}) {
            assertRefused(Map.of(name, "{}\n"), "an entry with a path in its name");
        }
    }

    @Test
    void unknownEntriesAreRefused() throws Exception {
        assertRefused(Map.of("notes.txt", "hello\n"), "an entry KeyDesk does not write (notes.txt)");
    }

    @Test
    void aDuplicateEntryNameIsRefused() throws Exception {
        // ZipOutputStream refuses to write a name twice: write two names of one length, then make them equal
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("site.jsonl", "");
        entries.put("site.jsonX", "");
        Path zip = BackupZips.write(dir.resolve("dup.zip"), entries);
        byte[] bytes = Files.readAllBytes(zip);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1).replace("site.jsonX", "site.jsonl");
        Files.write(zip, latin.getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> BackupReader.read(zip, BackupFormat.Limits.STANDARD, NOWHERE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("holds site.jsonl twice");
    }

    @Test
    void entriesOutOfOrderOrAfterTheManifestAreRefused() throws Exception {
        assertRefused(Map.of("users.jsonl", ""), "not in the order KeyDesk writes them");
        assertRefused(Map.of("site.jsonl", "{\"name\":\"Acme\"}"), "ends in the middle of a line");
    }

    @Test
    void aFileThatIsNotAZipIsNotABackup() throws Exception {
        Path file = Files.writeString(dir.resolve("x.zip"), "not a zip");
        assertThatThrownBy(() -> BackupReader.read(file, BackupFormat.Limits.STANDARD, NOWHERE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is not a KeyDesk backup");
    }
}
