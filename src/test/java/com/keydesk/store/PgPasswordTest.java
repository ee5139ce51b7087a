package com.keydesk.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PgPasswordTest {
    private static final PgAddress DB = PgAddress.parse("postgresql://kd@db.example.com:5433/keydesk", "kd");

    @Test
    void keydesksOwnVariableComesFirstThenPgpassword() {
        assertThat(PgPassword.find(DB, Map.of("KEYDESK_STORE_PASSWORD", "a", "PGPASSWORD", "b"), "Linux", "/nowhere"))
                .containsExactly('a');
        assertThat(PgPassword.find(DB, Map.of("PGPASSWORD", "b"), "Linux", "/nowhere")).containsExactly('b');
        assertThat(PgPassword.find(DB, Map.of(), "Linux", "/nowhere")).isNull();
    }

    @Test
    void thePasswordFileIsReadAsLibpqReadsIt(@TempDir Path home) throws Exception {
        Path file = home.resolve(".pgpass");
        Files.writeString(file, """
                # comment
                other:*:*:*:wrong
                db.example.com:5432:*:*:wrong-port
                db.example.com:5433:keydesk:kd:pa\\:ss\\\\word
                *:*:*:*:fallback
                """);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(new String(PgPassword.find(DB, Map.of(), "Linux", home.toString()))).isEqualTo("pa:ss\\word");
        PgAddress other = PgAddress.parse("postgresql://kd@elsewhere/keydesk", "kd");
        assertThat(new String(PgPassword.find(other, Map.of(), "Linux", home.toString()))).isEqualTo("fallback");
    }

    @Test
    void aPasswordFileOthersCanReadIsIgnored(@TempDir Path home) throws Exception {
        Path file = home.resolve("pgpass");
        Files.writeString(file, "*:*:*:*:secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(PgPassword.find(DB, Map.of("PGPASSFILE", file.toString()), "Linux", home.toString())).isNull();
    }
}
