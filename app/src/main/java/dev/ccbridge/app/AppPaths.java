package dev.ccbridge.app;

import dev.ccbridge.core.target.ConfigPaths;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the app keeps its files: the core's config file ({@code --config}, else
 * {@code CCBRIDGE_HOME}, else the platform config dir) and the request history the command line
 * shares ({@link ConfigPaths#dataDir}).
 */
public record AppPaths(Path configFile, Path dataDir) {
    public static AppPaths resolve(Path configOverride) {
        return resolve(configOverride, System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."));
    }

    static AppPaths resolve(Path configOverride, Map<String, String> env, String osName, String userHome) {
        Path dataDir = ConfigPaths.dataDir(configOverride, env, osName, userHome);
        if (configOverride != null) {
            return new AppPaths(configOverride.toAbsolutePath(), dataDir);
        }
        String explicit = env.get(ConfigPaths.HOME_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return new AppPaths(Path.of(explicit).toAbsolutePath().resolve(ConfigPaths.CONFIG_FILE), dataDir);
        }
        return new AppPaths(ConfigPaths.configFile(), dataDir);
    }

    public Path historyDatabase() {
        return dataDir.resolve(ConfigPaths.HISTORY_FILE);
    }

    /** The socket a second launch uses to bring this one to the front. */
    public Path instanceSocket() {
        return dataDir.resolve("app.sock");
    }
}
