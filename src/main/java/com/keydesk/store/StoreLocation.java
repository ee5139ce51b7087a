package com.keydesk.store;

import com.keydesk.domain.ValidationException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the store lives: {@code --data DIR}, else {@code KEYDESK_HOME}, else the operating
 * system's usual per-user data folder. On Windows that is {@code %LOCALAPPDATA%}, never the
 * roaming profile: a live database must not be copied between machines.
 */
public final class StoreLocation {
    public static final String FILE_BASE_NAME = "keydesk";

    private StoreLocation() {
    }

    public static Path resolve(String dataOption, Map<String, String> env, String osName, String userHome) {
        if (dataOption != null) {
            return checked(dataOption, "--data");
        }
        String fromEnv = env.get("KEYDESK_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return checked(fromEnv, "KEYDESK_HOME");
        }
        // The default comes from the environment too (XDG_DATA_HOME, LOCALAPPDATA, the home folder): same check.
        return checked(defaultFolder(env, osName.toLowerCase(Locale.ROOT), userHome).toString(),
                "the operating system's data folder (choose another with --data or KEYDESK_HOME)");
    }

    public static Path resolveForThisMachine(String dataOption) {
        return resolve(dataOption, System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }

    static Path defaultFolder(Map<String, String> env, String os, String userHome) {
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : Path.of(userHome, "AppData", "Local");
            return base.resolve("KeyDesk").toAbsolutePath();
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "KeyDesk").toAbsolutePath();
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("keydesk").toAbsolutePath();
    }

    /** H2 reads settings from the URL after a ';': a folder name must never be able to add one. */
    static Path checked(String folder, String source) {
        if (folder.isBlank()) {
            throw new ValidationException("data", "The store folder given by " + source + " is empty.");
        }
        if (folder.indexOf(';') >= 0 || folder.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("data", "The store folder given by " + source
                    + " may not contain ';' or control characters.");
        }
        try {
            return Path.of(folder).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ValidationException("data", "The store folder given by " + source + " is not a valid path.");
        }
    }
}
