package com.keydesk.service;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where an installation keeps its {@link Witness} memory: the person's configuration folder,
 * deliberately not the store's folder, so that whoever replaces or edits the store file does not
 * find the memory beside it. {@code KEYDESK_WITNESS_DIR} chooses another folder.
 */
public final class WitnessLocation {
    private WitnessLocation() {
    }

    public static Path resolve(Map<String, String> env, String osName, String userHome) {
        String chosen = env.get("KEYDESK_WITNESS_DIR");
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            // the roaming profile on purpose: a few bytes per store, and it follows the person
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("KeyDesk").resolve("witness").toAbsolutePath();
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Preferences", "KeyDesk", "witness").toAbsolutePath();
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(userHome, ".config");
        return base.resolve("keydesk").resolve("witness").toAbsolutePath();
    }

    public static Path resolveForThisMachine() {
        return resolve(System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }
}
