package dev.ccbridge.app.settings;

import dev.ccbridge.app.services.Blocking;
import java.nio.file.Path;

/** What the Settings page reads and saves. */
public interface SettingsStore {
    AppSettings settings();

    /** The port saved in the config file. */
    int savedPort();

    /** A port given with {@code --port} for this session only, or null. */
    Integer portOverride();

    /**
     * Saves the settings and the port (writing the config file); a running gateway moves to a new
     * port and the history takes the new limits.
     */
    @Blocking
    void saveSettings(AppSettings settings, int port);

    /** Where API keys are kept and looked up, in words. */
    String keyStorageDescription();

    Path configFile();

    Path dataDir();
}
