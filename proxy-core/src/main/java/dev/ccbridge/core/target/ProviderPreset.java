package dev.ccbridge.core.target;

import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.model.ModelTiers;
import java.util.List;
import java.util.Map;

/**
 * A starting point for a target at a known provider: where it is, which protocol it speaks, which
 * models to offer for Claude Code's tiers, where its key usually lives. Data from
 * {@code presets.json}; the app's editor and {@code ccbridge targets add --preset} start from it.
 *
 * @param id           short name ({@code deepseek}), also the default target id
 * @param model        the default upstream model; null for passthrough that keeps Claude's ids
 * @param models       models worth suggesting, the default first
 * @param apiKeyEnv    the environment variable the provider's own tools read; null when no key is needed
 * @param capabilities catalog overrides every model of this provider needs (null: none)
 * @param local        runs on the user's machine (no key, a model of their choosing)
 * @param notes        one or two sentences for the user (regional endpoints, server flags)
 */
public record ProviderPreset(String id, String name, String provider, String baseUrl, ApiMode apiMode, String model,
                             List<String> models, ModelTiers tiers, String apiKeyEnv, Map<String, String> headers,
                             TargetOptions options, ModelCapabilities capabilities, boolean local,
                             String notes) {

    public ProviderPreset {
        models = models == null ? List.of() : List.copyOf(models);
        tiers = tiers == null ? ModelTiers.NONE : tiers;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        options = options == null ? TargetOptions.NONE : options;
    }

    /**
     * A new target filled from this preset. It has no id or token yet: the registry names it after
     * the preset's display name (made unique) and gives it a token, so adding a preset twice never
     * replaces a target the user already has.
     */
    public Target toTarget() {
        return Target.builder().name(name).provider(provider).baseUrl(baseUrl).model(model).apiMode(apiMode)
                .tiers(tiers).models(models).headers(headers).apiKeyEnv(apiKeyEnv).options(options)
                .capabilities(capabilities).build();
    }
}
