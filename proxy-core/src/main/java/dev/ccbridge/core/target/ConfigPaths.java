package dev.ccbridge.core.target;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where ccbridge keeps its files: {@code CCBRIDGE_HOME} if set, else the platform's config
 * directory (Linux {@code $XDG_CONFIG_HOME/ccbridge}, macOS {@code ~/Library/Application
 * Support/ccbridge}, Windows {@code %APPDATA%\ccbridge}).
 */
public final class ConfigPaths {
    public static final String HOME_VARIABLE = "CCBRIDGE_HOME";
    public static final String CONFIG_FILE = "config.json";

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
}
