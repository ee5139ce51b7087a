package com.keydesk.store;

import com.keydesk.domain.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreLocationTest {
    private static final String HOME = Path.of("/home/bob").toAbsolutePath().toString();
    private static final String LINUX = "Linux";

    @Test
    void dataOptionWinsOverEnvironmentAndDefault() {
        Path chosen = StoreLocation.resolve("/srv/keydesk-data", Map.of("KEYDESK_HOME", "/opt/kd",
                "XDG_DATA_HOME", "/xdg"), LINUX, HOME);

        assertThat(chosen).isEqualTo(Path.of("/srv/keydesk-data").toAbsolutePath());
    }

    @Test
    void keydeskHomeWinsOverDefault() {
        Path chosen = StoreLocation.resolve(null, Map.of("KEYDESK_HOME", "/opt/kd", "XDG_DATA_HOME", "/xdg"), LINUX, HOME);

        assertThat(chosen).isEqualTo(Path.of("/opt/kd").toAbsolutePath());
    }

    @Test
    void blankKeydeskHomeFallsBackToDefault() {
        Path chosen = StoreLocation.resolve(null, Map.of("KEYDESK_HOME", "  "), LINUX, HOME);

        assertThat(chosen).isEqualTo(Path.of(HOME, ".local", "share", "keydesk"));
    }

    @Test
    void relativeDataOptionBecomesAbsoluteAndNormalised() {
        Path chosen = StoreLocation.resolve("some/../data", Map.of(), LINUX, HOME);

        assertThat(chosen).isAbsolute().isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void linuxDefaultIsXdgDataHome() {
        Path chosen = StoreLocation.resolve(null, Map.of("XDG_DATA_HOME", "/xdg/data"), LINUX, HOME);

        assertThat(chosen).isEqualTo(Path.of("/xdg/data", "keydesk").toAbsolutePath());
    }

    @Test
    void linuxDefaultWithoutXdgIsLocalShare() {
        Path chosen = StoreLocation.resolve(null, Map.of(), LINUX, HOME);

        assertThat(chosen).isEqualTo(Path.of(HOME, ".local", "share", "keydesk"));
    }

    @Test
    void linuxIgnoresARelativeXdgDataHome() {
        // the XDG spec says a relative value is invalid and must be ignored
        Path chosen = StoreLocation.resolve(null, Map.of("XDG_DATA_HOME", "relative/data"), LINUX, HOME);

        assertThat(chosen).isEqualTo(Path.of(HOME, ".local", "share", "keydesk"));
    }

    @Test
    void macDefaultIsApplicationSupport() {
        Path chosen = StoreLocation.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), "Mac OS X", HOME);

        assertThat(chosen).isEqualTo(Path.of(HOME, "Library", "Application Support", "KeyDesk"));
    }

    @Test
    void windowsDefaultIsLocalAppDataNeverTheRoamingProfile() {
        String local = Path.of("/users/bob/AppData/Local").toAbsolutePath().toString();
        String roaming = Path.of("/users/bob/AppData/Roaming").toAbsolutePath().toString();

        Path chosen = StoreLocation.resolve(null, Map.of("LOCALAPPDATA", local, "APPDATA", roaming), "Windows 11", HOME);

        assertThat(chosen).isEqualTo(Path.of(local, "KeyDesk"));
    }

    @Test
    void windowsWithoutLocalAppDataUsesTheHomeFoldersLocalAppData() {
        Path chosen = StoreLocation.resolve(null, Map.of(), "Windows 10", HOME);

        assertThat(chosen).isEqualTo(Path.of(HOME, "AppData", "Local", "KeyDesk"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tmp/store;INIT=RUNSCRIPT FROM 'x'", "/tmp/a;b", "data;"})
    void dataOptionWithSemicolonIsRefused(String folder) {
        assertThatThrownBy(() -> StoreLocation.resolve(folder, Map.of(), LINUX, HOME))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("';'")
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("data");
    }

    @Test
    void keydeskHomeWithSemicolonIsRefused() {
        assertThatThrownBy(() -> StoreLocation.resolve(null, Map.of("KEYDESK_HOME", "/tmp/a;IFEXISTS=FALSE"), LINUX, HOME))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("KEYDESK_HOME");
    }

    @Test
    void defaultFolderWithSemicolonIsRefusedToo() {
        // H2 would read anything after ';' as a setting, wherever the folder name came from
        assertThatThrownBy(() -> StoreLocation.resolve(null, Map.of("XDG_DATA_HOME", "/tmp/x;INIT=RUNSCRIPT FROM 'y'"),
                LINUX, HOME)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> StoreLocation.resolve(null, Map.of(), LINUX, "/home/odd;name"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> StoreLocation.resolve(null, Map.of("LOCALAPPDATA", "/x;y"), "Windows 11", HOME))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void controlCharactersInAFolderAreRefused() {
        assertThatThrownBy(() -> StoreLocation.resolve("/tmp/a\nb", Map.of(), LINUX, HOME))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void blankDataOptionIsRefused() {
        assertThatThrownBy(() -> StoreLocation.resolve("  ", Map.of(), LINUX, HOME))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("empty");
    }
}
