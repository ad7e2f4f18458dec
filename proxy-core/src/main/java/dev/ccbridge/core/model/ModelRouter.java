package dev.ccbridge.core.model;

import dev.ccbridge.core.target.ModelTiers;
import dev.ccbridge.core.target.Target;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps the model Claude Code asks for onto the target's upstream models. Claude ids and tier
 * names ({@code claude-opus-4-7}, {@code claude-3-5-haiku-20241022}, {@code sonnet}) go through the
 * target's tiers, defaulting to its model; any other name is the user picking an upstream model
 * themselves ({@code /model ...}) and goes through unchanged.
 */
public final class ModelRouter {
    private final ModelCatalog catalog;

    public ModelRouter(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    public ResolvedModel resolve(Target target, String requested) {
        String upstream = upstreamModel(target, requested);
        ModelCapabilities capabilities = catalog.lookup(upstream);
        ModelCapabilities override = target.capabilities();
        if (override != null) {
            capabilities = override.over(capabilities);
        }
        return new ResolvedModel(requested, upstream, capabilities);
    }

    static String upstreamModel(Target target, String requested) {
        Optional<ModelTiers.Tier> tier = tierOf(requested);
        if (tier.isEmpty()) {
            return requested == null || requested.isBlank() ? target.model() : requested;
        }
        String mapped = target.tiers().forTier(tier.get());
        if (mapped != null && !mapped.isBlank()) {
            return mapped;
        }
        // No model configured: a passthrough target may serve the Claude id as it is.
        return target.model() == null || target.model().isBlank() ? stripVariant(requested) : target.model();
    }

    /** The Claude tier a model id names, if it names one. */
    public static Optional<ModelTiers.Tier> tierOf(String requested) {
        if (requested == null) {
            return Optional.empty();
        }
        String name = stripVariant(requested).toLowerCase(Locale.ROOT);
        boolean claude = name.startsWith("claude") || name.startsWith("anthropic/claude");
        for (ModelTiers.Tier tier : ModelTiers.Tier.values()) {
            String word = tier.name().toLowerCase(Locale.ROOT);
            if (name.equals(word) || (claude && name.contains(word))) {
                return Optional.of(tier);
            }
        }
        return claude ? Optional.of(ModelTiers.Tier.SONNET) : Optional.empty();
    }

    /** Claude Code's context-size variants ({@code claude-sonnet-4-6[1m]}) name the same model. */
    static String stripVariant(String model) {
        int bracket = model.indexOf('[');
        return bracket > 0 ? model.substring(0, bracket) : model;
    }
}
