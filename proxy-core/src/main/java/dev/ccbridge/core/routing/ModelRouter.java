package dev.ccbridge.core.routing;

import dev.ccbridge.core.model.ClaudeModels;
import dev.ccbridge.core.model.ModelCapabilities;
import dev.ccbridge.core.model.ModelCatalog;
import dev.ccbridge.core.model.ModelTiers;
import dev.ccbridge.core.model.ResolvedModel;
import dev.ccbridge.core.target.ApiMode;
import dev.ccbridge.core.target.Target;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps the model Claude Code asks for onto the target's upstream models. What names a Claude
 * tier goes through the target's tiers, defaulting to its model: Claude ids
 * ({@code claude-opus-4-7}, {@code claude-3-5-haiku-20241022}, {@code anthropic/claude-...},
 * Bedrock's {@code us.anthropic.claude-...}), Claude Code's aliases ({@code sonnet},
 * {@code opus[1m]}, {@code opusplan}, {@code default}) and the names of the variables that set
 * them ({@code ANTHROPIC_DEFAULT_HAIKU_MODEL}, {@code ANTHROPIC_SMALL_FAST_MODEL}). Anything else
 * is the user picking an upstream model themselves ({@code /model ...}) and goes through unchanged,
 * as does any model the target names. A passthrough target without a model keeps the Claude id.
 */
public final class ModelRouter {
    private static final String DEFAULT_ALIAS = "default";

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
        return new ResolvedModel(target.id(), requested, upstream, capabilities);
    }

    static String upstreamModel(Target target, String requested) {
        if (requested == null || requested.isBlank()) {
            return orClaude(target, ModelTiers.Tier.SONNET);
        }
        if (namedByTarget(target, requested)) {
            return requested;
        }
        String name = normalised(requested);
        if (name.equals(DEFAULT_ALIAS) || name.equals("anthropic_model") || name.equals("claude_code_subagent_model")) {
            return firstSet(target.model(), target.tiers().sonnet(), orClaude(target, ModelTiers.Tier.SONNET));
        }
        Optional<ModelTiers.Tier> tier = tierOf(requested);
        if (tier.isEmpty()) {
            return requested;
        }
        String mapped = target.tiers().forTier(tier.get());
        if (mapped != null && !mapped.isBlank()) {
            return mapped;
        }
        if (target.model() != null && !target.model().isBlank()) {
            return target.model();
        }
        // No model configured: a passthrough target serves the Claude id as it is, if it is one Anthropic knows.
        String claudeId = stripVariant(requested);
        if (target.apiMode() != ApiMode.ANTHROPIC_MESSAGES) {
            return null;
        }
        return claudeId.startsWith("claude") && !claudeId.contains("@") && !claudeId.contains(":")
                ? claudeId : ClaudeModels.idFor(tier.get());
    }

    /** The Claude tier a model name stands for, if it stands for one. */
    public static Optional<ModelTiers.Tier> tierOf(String requested) {
        if (requested == null || requested.isBlank()) {
            return Optional.empty();
        }
        String name = normalised(requested);
        if (name.equals("anthropic_small_fast_model")) {
            return Optional.of(ModelTiers.Tier.HAIKU);
        }
        if (name.equals("opusplan")) {
            return Optional.of(ModelTiers.Tier.OPUS);
        }
        boolean claude = name.startsWith("claude") || name.contains("anthropic.claude")
                || name.startsWith("anthropic_default_");
        for (ModelTiers.Tier tier : ModelTiers.Tier.values()) {
            String word = tier.name().toLowerCase(Locale.ROOT);
            if (name.equals(word) || (claude && name.contains(word))) {
                return Optional.of(tier);
            }
        }
        return claude ? Optional.of(ModelTiers.Tier.SONNET) : Optional.empty();
    }

    /** Lower case, context-size variant and {@code anthropic/} prefix removed. */
    private static String normalised(String requested) {
        String name = stripVariant(requested.strip()).toLowerCase(Locale.ROOT);
        return name.startsWith("anthropic/") ? name.substring("anthropic/".length()) : name;
    }

    private static boolean namedByTarget(Target target, String requested) {
        return requested.equals(target.model()) || target.models().contains(requested)
                || requested.equals(target.tiers().opus()) || requested.equals(target.tiers().sonnet())
                || requested.equals(target.tiers().haiku());
    }

    /**
     * The target's model; without one, a passthrough target (which may serve Claude itself) gets the
     * tier's Claude id, and any other target nothing (the request is refused as misconfigured).
     */
    private static String orClaude(Target target, ModelTiers.Tier tier) {
        if (target.model() != null && !target.model().isBlank()) {
            return target.model();
        }
        return target.apiMode() == ApiMode.ANTHROPIC_MESSAGES ? ClaudeModels.idFor(tier) : null;
    }

    private static String firstSet(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    /** Claude Code's context-size variants ({@code claude-sonnet-4-6[1m]}) name the same model. */
    static String stripVariant(String model) {
        int bracket = model.indexOf('[');
        return bracket > 0 ? model.substring(0, bracket) : model;
    }
}
