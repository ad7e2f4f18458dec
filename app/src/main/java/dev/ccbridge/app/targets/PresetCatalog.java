package dev.ccbridge.app.targets;

import dev.ccbridge.core.target.ProviderPreset;
import dev.ccbridge.core.target.ProviderPresets;
import java.util.List;

/** Where the "Add from preset" menu gets its providers: the core's preset data, or a test's own list. */
public interface PresetCatalog {
    List<ProviderPreset> presets();

    /** The presets shipped in proxy-core ({@code presets.json}). */
    static PresetCatalog builtIn() {
        return () -> ProviderPresets.builtIn().all();
    }
}
