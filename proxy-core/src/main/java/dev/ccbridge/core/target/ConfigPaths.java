package dev.ccbridge.core.target;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where ccbridge keeps its files: the config in {@code CCBRIDGE_HOME} if set, else the platform's
 * config directory (Linux {@code $XDG_CONFIG_HOME/ccbridge}, macOS {@code ~/Library/Application
 * Support/ccbridge}, Windows {@code %APPDATA%\ccbridge}); the request history in the platform's
 * data directory (Linux {@code $XDG_DATA_HOME/ccbridge}, macOS the same folder as the config,
 * Windows {@code %LOCALAPPDATA%\ccbridge}), or beside the config file when one was chosen
 * ({@code --config} or {@code CCBRIDGE_HOME}: a separate config is a separate installation).
 */
public final class ConfigPaths {
    public static final String HOME_VARIABLE = "CCBRIDGE_HOME";
    public static final String CONFIG_FILE = "config.json";
    public static final String HISTORY_FILE = "history.db";

    private ConfigPaths() {}

    public static Path home() {
        return home(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    static Path home(Map<String, String> env, String osName, String userHome) {
        String explicit = env.get(HOME_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return Path.of(appData != null ? appData : userHome, "ccbridge");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "ccbridge");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return Path.of(xdg != null && !xdg.isBlank() ? xdg : Path.of(userHome, ".config").toString(), "ccbridge");
    }

    public static Path configFile() {
        return home().resolve(CONFIG_FILE);
    }

    /** The history database of the config {@code configOverride} (null: the default config). */
    public static Path historyFile(Path configOverride) {
        return dataDir(configOverride).resolve(HISTORY_FILE);
    }

    public static Path dataDir(Path configOverride) {
        return dataDir(configOverride, System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."));
    }

    public static Path dataDir(Path configOverride, Map<String, String> env, String osName, String userHome) {
        if (configOverride != null) {
            return configOverride.toAbsolutePath().getParent();
        }
        String explicit = env.get(HOME_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return Path.of(local != null && !local.isBlank() ? local : userHome, "ccbridge");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "ccbridge");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return data.resolve("ccbridge");
    }
}
