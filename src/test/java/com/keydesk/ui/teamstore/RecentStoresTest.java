package com.keydesk.ui.teamstore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class RecentStoresTest {
    @TempDir
    Path dir;

    private static TeamStoreAddress at(String host) {
        return new TeamStoreAddress(host, 5432, "keydesk", "kd", TlsMode.VERIFY_FULL, null);
    }

    @Test
    void theNewestComesFirstAStoreIsListedOnceAndOnlyTheLatestEightAreKept() {
        RecentStores recent = new RecentStores(dir.resolve("keydesk").resolve("recent-team-stores.json"));
        for (int i = 1; i <= 10; i++) {
            recent.remember(at("db" + i));
        }
        recent.remember(new TeamStoreAddress("DB5", 5432, "keydesk", "kd", TlsMode.REQUIRE, null));

        assertThat(recent.load()).extracting(TeamStoreAddress::host)
                .containsExactly("DB5", "db10", "db9", "db8", "db7", "db6", "db4", "db3");
    }

    @Test
    void theFileAndAFolderItMakesAreTheOwnersAlone() throws Exception {
        Path file = dir.resolve("keydesk").resolve("recent-team-stores.json");
        new RecentStores(file).remember(at("db"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void aFileThatIsNotOursOrHasOddEntriesGivesOnlyTheEntriesThatMakeSense() throws Exception {
        Path file = dir.resolve("recent-team-stores.json");
        RecentStores recent = new RecentStores(file);
        Files.writeString(file, "not json at all");
        assertThat(recent.load()).isEmpty();
        Files.writeString(file, "{\"format\":2,\"stores\":[]}");
        assertThat(recent.load()).isEmpty();
        Files.writeString(file, """
                {"format":1,"stores":[
                  {"host":"good","port":5432,"database":"keydesk","user":"kd","sslmode":"require"},
                  {"host":"bad port","port":70000,"database":"keydesk","user":"kd","sslmode":"require"},
                  {"host":"bad mode","port":5432,"database":"keydesk","user":"kd","sslmode":"sometimes"},
                  {"host":"line\\nbreak","port":5432,"database":"keydesk","user":"kd","sslmode":"require"},
                  {"host":"no user","port":5432,"database":"keydesk","sslmode":"require"},
                  "a string", 42
                ]}""");

        assertThat(recent.load()).extracting(TeamStoreAddress::host).containsExactly("good");
    }

    @Test
    void aFileCutShortAnywhereGivesNothingAndReturns() throws Exception {
        Path file = dir.resolve("recent-team-stores.json");
        RecentStores recent = new RecentStores(file);
        recent.remember(at("whole"));
        String whole = Files.readString(file);
        // every prefix of a file this class wrote: a crash mid-write elsewhere, a disk that filled up
        for (int end = 0; end < whole.strip().length(); end++) {
            Files.writeString(file, whole.substring(0, end));
            int cut = end;
            assertThat(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                    recent::load)).as("cut at %d", cut).isEmpty();
        }
    }

    @Test
    void aFileThatCannotBeWrittenOnlyForgets() throws Exception {
        Path blocker = dir.resolve("a-file");
        Files.writeString(blocker, "");
        RecentStores recent = new RecentStores(blocker.resolve("recent-team-stores.json"));

        assertThat(recent.remember(at("db"))).containsExactly(at("db"));
        assertThat(recent.load()).isEmpty();
    }
}
