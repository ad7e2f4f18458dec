package dev.ccbridge.app.targets;

import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.ModelTiers;
import dev.ccbridge.core.target.Target;
import java.util.List;
import java.util.Map;

/** A provider's usual settings, to start a target from. */
public record Preset(String name, String provider, String baseUrl, ApiMode apiMode, String model, ModelTiers tiers,
                     String apiKeyEnv, Map<String, String> options, Pricing pricing) {

    public Preset {
        tiers = tiers == null ? ModelTiers.NONE : tiers;
        options = options == null ? Map.of() : Map.copyOf(options);
        pricing = pricing == null ? Pricing.NONE : pricing;
    }

    /** A new, unsaved target (no id or token yet) with this preset's settings. */
    public Target toTarget() {
        Target target = new Target(null, name, provider, baseUrl, model, apiMode, tiers, List.of(), Map.of(),
                apiKeyEnv, null, options, null, null);
        return pricing.applyTo(target);
    }

    @Override
    public String toString() {
        return name;
    }
}
