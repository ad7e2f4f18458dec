package dev.ccbridge.app.settings;

import dev.ccbridge.app.services.Blocking;
import dev.ccbridge.core.server.RequestLimits;
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

    /** How large a request may be and the request bodies held at once (the config's {@code "limits"}). */
    RequestLimits requestLimits();

    /** Saves the request limits (writing the config file); a running gateway restarts to take new ones. */
    @Blocking
    void saveRequestLimits(RequestLimits limits);

    /** Where API keys are kept and looked up, in words. */
    String keyStorageDescription();

    Path configFile();

    Path dataDir();
}
