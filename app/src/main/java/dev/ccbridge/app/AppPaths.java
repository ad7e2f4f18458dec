package dev.ccbridge.app;

import dev.ccbridge.core.target.ConfigPaths;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the app keeps its files. The config file is the core's ({@code --config}, else
 * {@code CCBRIDGE_HOME}, else the platform config dir); the request history lives in the platform
 * data dir (Linux {@code $XDG_DATA_HOME/ccbridge}, macOS {@code ~/Library/Application Support/ccbridge},
 * Windows {@code %LOCALAPPDATA%\ccbridge}). With {@code CCBRIDGE_HOME} or {@code --config}, data
 * sits beside the config file: a separate config is a separate installation.
 */
public record AppPaths(Path configFile, Path dataDir) {
    public static AppPaths resolve(Path configOverride) {
        return resolve(configOverride, System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."));
    }

    static AppPaths resolve(Path configOverride, Map<String, String> env, String osName, String userHome) {
        if (configOverride != null) {
            Path file = configOverride.toAbsolutePath();
            return new AppPaths(file, file.getParent());
        }
        String explicit = env.get(ConfigPaths.HOME_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            Path home = Path.of(explicit).toAbsolutePath();
            return new AppPaths(home.resolve(ConfigPaths.CONFIG_FILE), home);
        }
        return new AppPaths(ConfigPaths.configFile(), platformDataDir(env, osName, userHome));
    }

    static Path platformDataDir(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            return Path.of(local != null && !local.isBlank() ? local : userHome, "ccbridge");
        }
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "ccbridge");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share")).resolve("ccbridge");
    }

    public Path historyDatabase() {
        return dataDir.resolve("history.db");
    }

    /** The socket a second launch uses to bring this one to the front. */
    public Path instanceSocket() {
        return dataDir.resolve("app.sock");
    }
}
