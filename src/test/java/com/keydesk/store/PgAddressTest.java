package com.keydesk.store;

import com.keydesk.domain.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgAddressTest {
    @Test
    void readsTheLibpqFormPeopleAlreadyUse() {
        PgAddress a = PgAddress.parse("postgresql://kd_app@db.example.com:6543/keydesk?sslmode=verify-full", "os-user");
        assertThat(a.host()).isEqualTo("db.example.com");
        assertThat(a.port()).isEqualTo(6543);
        assertThat(a.database()).isEqualTo("keydesk");
        assertThat(a.user()).isEqualTo("kd_app");
        assertThat(a.sslMode()).isEqualTo("verify-full");
        assertThat(a.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/keydesk");
        assertThat(a.properties(null).getProperty("sslmode")).isEqualTo("verify-full");
    }

    @Test
    void defaultsAreLibpqs() {
        PgAddress a = PgAddress.parse("postgres://db/keydesk", "os-user");
        assertThat(a.port()).isEqualTo(5432);
        assertThat(a.user()).isEqualTo("os-user");
        assertThat(a.sslMode()).isEqualTo("prefer");
        assertThat(a.display()).isEqualTo("postgresql://os-user@db/keydesk");
    }

    @Test
    void aPasswordInTheUrlIsRefusedAndNeverRepeated() {
        assertThatThrownBy(() -> PgAddress.parse("postgresql://u:hunter2secret@db/keydesk", "x"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("KEYDESK_STORE_PASSWORD")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://db/keydesk?options=-c%20search_path%3Devil",   // a driver setting KeyDesk does not use
            "postgresql://db/keydesk?sslmode=off",
            "postgresql://db/keydesk?sslmode=require&sslmode=disable",
            "postgresql://db/",
            "postgresql://db/a/b",
            "postgresql:///keydesk",
            "postgresql://db:99999/keydesk",
            "postgresql://db/key desk",
            "postgresql://db/keydesk#x",
            "postgresql://db/keydesk?connect_timeout=0",
            "mysql://db/keydesk",
            "postgresql://db/key%3Bdesk"})
    void anythingElseGetsOneSentence(String url) {
        assertThatThrownBy(() -> PgAddress.parse(url, "u")).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(e.getMessage()).endsWith("."));
    }

    @Test
    void theCommandLineOptionBeatsTheEnvironmentAndDataChoosesTheLocalStore() {
        Map<String, String> env = Map.of("KEYDESK_STORE", "postgresql://env-host/keydesk", "KEYDESK_HOME", "/tmp/kd");
        assertThat(StoreAddress.resolve(null, null, env, "Linux", "/home/u").display()).startsWith("postgresql://");
        assertThat(StoreAddress.resolve("postgresql://opt-host/k", null, env, "Linux", "/home/u").display()).contains("opt-host");
        assertThat(StoreAddress.resolve(null, "/tmp/local", env, "Linux", "/home/u"))
                .isEqualTo(new StoreAddress.Local(java.nio.file.Path.of("/tmp/local")));
        assertThat(StoreAddress.resolve(null, null, Map.of("KEYDESK_HOME", "/tmp/kd"), "Linux", "/home/u"))
                .isInstanceOf(StoreAddress.Local.class);
    }

    @Test
    void aTeamStoresPasswordNeverReachesToString() {
        TeamStore store = new TeamStore(PgAddress.parse("postgresql://u@db/keydesk", "u"), "s3cret-pass".toCharArray());
        assertThat(store.toString()).doesNotContain("s3cret-pass");
        assertThat(store.display()).doesNotContain("s3cret-pass");
    }
}
