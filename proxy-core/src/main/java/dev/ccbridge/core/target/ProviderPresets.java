package dev.ccbridge.core.target;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccbridge.core.json.Json;
import dev.ccbridge.core.model.ModelTiers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The provider presets shipped in the jar ({@code presets.json}), checked when loaded. */
public final class ProviderPresets {
    private static final String RESOURCE = "/dev/ccbridge/core/target/presets.json";

    private final List<ProviderPreset> presets;

    ProviderPresets(List<ProviderPreset> presets) {
        this.presets = List.copyOf(presets);
    }

    public static ProviderPresets builtIn() {
        return Holder.BUILT_IN;
    }

    private static final class Holder {
        static final ProviderPresets BUILT_IN = load(RESOURCE);
    }

    static ProviderPresets load(String resource) {
        try (InputStream in = ProviderPresets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            JsonNode root = Json.CONFIG.readTree(in);
            List<ProviderPreset> presets = new ArrayList<>();
            for (JsonNode node : root.path("presets")) {
                presets.add(check(Json.CONFIG.treeToValue(node, ProviderPreset.class)));
            }
            Set<String> ids = new HashSet<>();
            for (ProviderPreset preset : presets) {
                if (!ids.add(preset.id())) {
                    throw new IllegalStateException("preset id '" + preset.id() + "' appears twice in " + resource);
                }
            }
            return new ProviderPresets(presets);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public List<ProviderPreset> all() {
        return presets;
    }

    public Optional<ProviderPreset> byId(String id) {
        return presets.stream().filter(p -> p.id().equalsIgnoreCase(id == null ? "" : id.strip())).findFirst();
    }

    public String ids() {
        return String.join(", ", presets.stream().map(ProviderPreset::id).toList());
    }

    /** A preset the app could not turn into a working target is a bug in the data file: fail loudly. */
    private static ProviderPreset check(ProviderPreset preset) {
        String id = preset.id();
        require(id != null && id.matches("[a-z0-9-]+"), "a preset needs an id of [a-z0-9-]: " + id);
        require(notBlank(preset.name()) && notBlank(preset.provider()), id + ": name and provider are required");
        require(preset.apiMode() != null, id + ": apiMode is required");
        URI base = URI.create(preset.baseUrl() == null ? "" : preset.baseUrl());
        require(("https".equals(base.getScheme()) || "http".equals(base.getScheme())) && base.getHost() != null,
                id + ": baseUrl must be an http(s) URL");
        require(!"http".equals(base.getScheme()) || preset.local(), id + ": only local presets may use plain http");
        require(preset.model() != null || preset.apiMode() == ApiMode.ANTHROPIC_MESSAGES,
                id + ": a default model is required outside passthrough");
        require(preset.model() == null || preset.models().contains(preset.model()),
                id + ": the default model must be among the suggested models");
        for (ModelTiers.Tier tier : ModelTiers.Tier.values()) {
            String model = preset.tiers().forTier(tier);
            require(model == null || notBlank(model), id + ": tier " + tier + " is blank");
        }
        require(preset.local() || preset.apiKeyEnv() != null, id + ": a hosted provider needs apiKeyEnv");
        return preset;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("presets.json: " + message);
        }
    }
}
