package dev.ccbridge.app.targets;

import java.util.List;

/**
 * Where the "Add from preset" menu gets its providers. The app ships {@link BuiltInPresets};
 * the core's provider preset data replaces it behind this interface when it lands.
 */
public interface PresetCatalog {
    List<Preset> presets();
}
